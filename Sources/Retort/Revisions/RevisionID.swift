import Foundation

/// Revision ids and file-name slugs.
public enum RevisionID {
    /// An id that sorts in creation order: `r` + UTC date and time + a random token + a sequence
    /// number (`r20261123_180512_k3f9_01`). The token keeps ids made in the same second, or on
    /// two branches, apart.
    public static func make(date: Date, token: String, sequence: Int = 1) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd_HHmmss"
        return "r\(f.string(from: date))_\(token)_" + (sequence < 10 ? "0\(sequence)" : String(sequence))
    }

    /// `count` new ids for a chain made at `date`, none of them in `taken`. A process never draws
    /// the same token twice, so ids it makes never collide; ids made elsewhere in the same second
    /// collide only when their random tokens do (one in 1.7 million).
    public static func fresh(date: Date, count: Int = 1, avoiding taken: Set<String>) -> [String] {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        while true {
            let token = String((0..<4).map { _ in alphabet.randomElement()! })
            let ids = (1...max(count, 1)).map { make(date: date, token: token, sequence: $0) }
            if taken.isDisjoint(with: ids), issued.claim(token) { return ids }
        }
    }

    /// The tokens this process has handed out.
    private static let issued = IssuedTokens()

    /// `@unchecked Sendable` is safe: `tokens` is only read and written while `lock` is held.
    private final class IssuedTokens: @unchecked Sendable {
        private let lock = NSLock()
        private var tokens = Set<String>()

        /// True when `token` was not handed out before (and is now).
        func claim(_ token: String) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            return tokens.insert(token).inserted
        }
    }

    /// An ISO 8601 UTC timestamp.
    public static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    /// A file-name-safe slug of a message: ASCII letters, digits and `_`, at most 48 characters.
    public static func slug(_ message: String) -> String {
        let folded = message.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        for ch in folded.unicodeScalars {
            if ch.isASCII, ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                out.unicodeScalars.append(ch)
            } else if !out.hasSuffix("_") {
                out += "_"
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return String(trimmed.prefix(48)).trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    }
}
