// libFuzzer target: database URLs in every form Retort takes (sqlite:///…, postgres://…, libpq
// keyword/value strings). Properties: parsing never crashes; a URL's description holds no
// password libpq read from it; an SQLite URL's description parses back to the same file. (Found
// and fixed: text run on after a quoted password, and a password repeated elsewhere in the URL,
// were shown, and so was a password before a `?` in a URL's user part, which libpq reads up to
// the first `/`. Redaction need not be idempotent: once a secret holding `://` is hidden, a second
// pass may read the rest as keyword/value text and hide more.)
@testable import Retort

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard !text.contains("\0") else { return 0 }
    _ = DatabaseURL.redact(text)
    guard let url = try? DatabaseURL(text) else { return 0 }
    switch url {
    case .sqlite(let path):
        let again = try? DatabaseURL(url.description)
        precondition(again == url, "sqlite URL does not round-trip: \(text) → \(path) → \(url.description)")
    case .postgres(let pg):
        let shown = url.description
        // The password is hidden where it stands: the description holds fewer copies of it than the
        // text did (the same characters may stand elsewhere for something else: `port=5432 user`).
        func copies(_ s: String, _ v: String) -> Int { s.components(separatedBy: v).count - 1 }
        for (key, value) in pg.parameters where key == "password" && value.count >= 6 {
            precondition(copies(shown, value) < copies(text, value) || copies(text, value) == 0, "password shown: \(shown)")
        }
    }
    return 0
}
