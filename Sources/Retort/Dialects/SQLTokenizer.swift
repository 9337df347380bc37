/// One token of SQLite SQL text.
struct SQLToken: Equatable {
    enum Kind: Equatable { case word, quotedIdentifier, string, number, punctuation }
    var kind: Kind
    /// The token's value: an identifier unquoted, a string unescaped, a word as written.
    var value: String
    /// Where the token stands in the source text.
    var range: Range<String.Index>

    /// True for an unquoted word equal (ignoring ASCII case) to `keyword`.
    func isKeyword(_ keyword: String) -> Bool { kind == .word && SQLText.equalIgnoringASCIICase(value, keyword) }
    /// True for this punctuation character.
    func isPunctuation(_ p: String) -> Bool { kind == .punctuation && value == p }
    /// True for anything that names something (a word or a quoted identifier).
    var isName: Bool { kind == .word || kind == .quotedIdentifier || kind == .string }
}

/// Splits SQLite SQL into tokens, skipping comments and white space. Works on UTF-8 bytes (whose
/// indices are the string's own), as SQLite does: every byte of a non-ASCII character may stand in
/// an identifier.
enum SQLTokenizer {
    static func tokenize(_ sql: String) -> [SQLToken] {
        var tokens: [SQLToken] = []
        let u = sql.utf8
        var i = u.startIndex
        let end = u.endIndex
        func byte(at offset: Int) -> UInt8? {
            guard let j = u.index(i, offsetBy: offset, limitedBy: end), j < end else { return nil }
            return u[j]
        }
        func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
        func isWordStart(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 || b == 95 || b == 36 || b >= 0x80 }
        while i < end {
            let ch = u[i]
            if ch == 32 || (ch >= 9 && ch <= 13) {
                u.formIndex(after: &i)
            } else if ch == 45, byte(at: 1) == 45 {  // -- comment
                while i < end, u[i] != 10 { u.formIndex(after: &i) }
            } else if ch == 47, byte(at: 1) == 42 {  // /* comment */
                i = u.index(i, offsetBy: 2)
                while i < end, !(u[i] == 42 && byte(at: 1) == 47) { u.formIndex(after: &i) }
                i = u.index(i, offsetBy: 2, limitedBy: end) ?? end
            } else if ch == 34 || ch == 96 || ch == 39 || ch == 91 {  // " ` ' [
                let close: UInt8 = ch == 91 ? 93 : ch
                let start = i
                var value: [UInt8] = []
                u.formIndex(after: &i)
                while i < end {
                    if u[i] == close {
                        if close != 93, byte(at: 1) == close {
                            value.append(close)
                            i = u.index(i, offsetBy: 2)
                            continue
                        }
                        u.formIndex(after: &i)
                        break
                    }
                    value.append(u[i])
                    u.formIndex(after: &i)
                }
                tokens.append(SQLToken(kind: ch == 39 ? .string : .quotedIdentifier, value: String(decoding: value, as: UTF8.self), range: start..<i))
            } else if isDigit(ch) || (ch == 46 && byte(at: 1).map(isDigit) == true) {
                let start = i
                while i < end, isDigit(u[i]) || u[i] == 46 || u[i] == 101 || u[i] == 69 { u.formIndex(after: &i) }
                tokens.append(SQLToken(kind: .number, value: String(sql[start..<i]), range: start..<i))
            } else if isWordStart(ch) {
                let start = i
                while i < end, isWordStart(u[i]) || isDigit(u[i]) { u.formIndex(after: &i) }
                tokens.append(SQLToken(kind: .word, value: String(sql[start..<i]), range: start..<i))
            } else {
                let start = i
                u.formIndex(after: &i)
                tokens.append(SQLToken(kind: .punctuation, value: String(UnicodeScalar(ch)), range: start..<i))
            }
        }
        return tokens
    }

    /// Splits tokens at top-level commas (outside parentheses).
    static func splitTopLevel(_ tokens: ArraySlice<SQLToken>) -> [ArraySlice<SQLToken>] {
        var parts: [ArraySlice<SQLToken>] = []
        var depth = 0
        var start = tokens.startIndex
        for i in tokens.indices {
            let t = tokens[i]
            if t.isPunctuation("(") { depth += 1 }
            if t.isPunctuation(")") { depth -= 1 }
            if depth == 0, t.isPunctuation(",") {
                parts.append(tokens[start..<i])
                start = i + 1
            }
        }
        if start < tokens.endIndex { parts.append(tokens[start..<tokens.endIndex]) }
        return parts
    }

    /// The index of the `)` that closes the `(` at `open`.
    static func matchingParen(_ tokens: ArraySlice<SQLToken>, from open: Int) -> Int? {
        var depth = 0
        for i in open..<tokens.endIndex {
            if tokens[i].isPunctuation("(") { depth += 1 }
            if tokens[i].isPunctuation(")") {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    /// The text of the tokens, without the parentheses that wrap all of it.
    static func unwrapped(_ part: ArraySlice<SQLToken>, in text: String) -> String {
        var part = part
        while part.count >= 2, part.first!.isPunctuation("("), SQLTokenizer.matchingParen(part, from: part.startIndex) == part.endIndex - 1 {
            part = part.dropFirst().dropLast()
        }
        guard let first = part.first, let last = part.last else { return "" }
        return String(text[first.range.lowerBound..<last.range.upperBound])
    }
}
