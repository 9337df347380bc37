/// One token of SQLite SQL text.
struct SQLToken: Equatable {
    enum Kind: Equatable { case word, quotedIdentifier, string, number, punctuation }
    var kind: Kind
    /// The token's value: an identifier unquoted, a string unescaped, a word as written.
    var value: String
    /// Where the token stands in the source text.
    var range: Range<String.Index>

    /// True for an unquoted word equal (ignoring case) to `keyword`.
    func isKeyword(_ keyword: String) -> Bool { kind == .word && value.caseInsensitiveCompare(keyword) == .orderedSame }
    /// True for this punctuation character.
    func isPunctuation(_ p: String) -> Bool { kind == .punctuation && value == p }
    /// True for anything that names something (a word or a quoted identifier).
    var isName: Bool { kind == .word || kind == .quotedIdentifier || kind == .string }
}

/// Splits SQLite SQL into tokens, skipping comments and white space.
enum SQLTokenizer {
    static func tokenize(_ sql: String) -> [SQLToken] {
        var tokens: [SQLToken] = []
        var i = sql.startIndex
        func peek(_ offset: Int = 0) -> Character? {
            guard let j = sql.index(i, offsetBy: offset, limitedBy: sql.endIndex), j < sql.endIndex else { return nil }
            return sql[j]
        }
        while i < sql.endIndex {
            let ch = sql[i]
            if ch.isWhitespace {
                i = sql.index(after: i)
            } else if ch == "-", peek(1) == "-" {
                while i < sql.endIndex, sql[i] != "\n" { i = sql.index(after: i) }
            } else if ch == "/", peek(1) == "*" {
                i = sql.index(i, offsetBy: 2)
                while i < sql.endIndex, !(sql[i] == "*" && peek(1) == "/") { i = sql.index(after: i) }
                i = sql.index(i, offsetBy: 2, limitedBy: sql.endIndex) ?? sql.endIndex
            } else if ch == "\"" || ch == "`" || ch == "'" || ch == "[" {
                let close: Character = ch == "[" ? "]" : ch
                let start = i
                var value = ""
                i = sql.index(after: i)
                while i < sql.endIndex {
                    if sql[i] == close {
                        if close != "]", peek(1) == close {
                            value.append(close)
                            i = sql.index(i, offsetBy: 2)
                            continue
                        }
                        i = sql.index(after: i)
                        break
                    }
                    value.append(sql[i])
                    i = sql.index(after: i)
                }
                tokens.append(SQLToken(kind: ch == "'" ? .string : .quotedIdentifier, value: value, range: start..<i))
            } else if ch.isNumber || (ch == "." && (peek(1)?.isNumber ?? false)) {
                let start = i
                while i < sql.endIndex, sql[i].isNumber || sql[i] == "." || sql[i] == "e" || sql[i] == "E" {
                    i = sql.index(after: i)
                }
                tokens.append(SQLToken(kind: .number, value: String(sql[start..<i]), range: start..<i))
            } else if ch.isLetter || ch == "_" || ch == "$" {
                let start = i
                while i < sql.endIndex, sql[i].isLetter || sql[i].isNumber || sql[i] == "_" || sql[i] == "$" {
                    i = sql.index(after: i)
                }
                tokens.append(SQLToken(kind: .word, value: String(sql[start..<i]), range: start..<i))
            } else {
                let start = i
                i = sql.index(after: i)
                tokens.append(SQLToken(kind: .punctuation, value: String(ch), range: start..<i))
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
}
