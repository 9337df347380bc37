import Foundation

/// Quoting and light normalization of SQL text shared by every dialect.
public enum SQLText {
    /// Quotes an identifier with double quotes, doubling any inside.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Quotes a string literal with single quotes, doubling any inside.
    public static func literal(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// An index key as SQL: a column quoted, an expression in parentheses.
    public static func indexKey(_ key: IndexKey) -> String {
        switch key {
        case .column(let name): return quote(name)
        case .expression(let e): return "(\(e))"
        }
    }

    /// An expression with every reference to the identifier `from` (bare, any case, or quoted)
    /// replaced by `to`, as the database itself rewrites a check or index after `RENAME COLUMN`.
    public static func renamingIdentifier(in expression: String, _ from: String, to: String) -> String {
        let isSimple = to.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil
        let replacement = isSimple ? to : quote(to)
        var result = expression
        for token in SQLTokenizer.tokenize(expression).reversed() {
            let matches = (token.kind == .word && token.value.lowercased() == from.lowercased())
                || (token.kind == .quotedIdentifier && token.value == from)
            if matches { result.replaceSubrange(token.range, with: replacement) }
        }
        return result
    }

    /// A possibly schema-qualified name (`schema.name`), each part quoted.
    public static func quoteQualified(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { quote(String($0)) }.joined(separator: ".")
    }

    /// A comma-separated list of quoted identifiers.
    public static func quoteList(_ identifiers: [String]) -> String {
        identifiers.map(quote).joined(separator: ", ")
    }

    /// Collapses runs of white space outside string literals to one space, trims, and drops
    /// parentheses that wrap the whole expression, so equal expressions compare equal.
    public static func normalizeExpression(_ text: String) -> String {
        var out = ""
        var inString = false
        var pendingSpace = false
        for ch in text {
            if inString {
                out.append(ch)
                if ch == "'" { inString = false }
                continue
            }
            if ch.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace, !out.isEmpty, !"(".contains(out.last!), !")".contains(ch) { out.append(" ") }
            pendingSpace = false
            if ch == "'" { inString = true }
            out.append(ch)
        }
        while out.hasPrefix("("), out.hasSuffix(")"), wrapsWhole(out) {
            out = String(out.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    /// True when the first `(` of the text closes at its last character.
    private static func wrapsWhole(_ text: String) -> Bool {
        var depth = 0
        var inString = false
        for (i, ch) in text.enumerated() {
            if inString {
                if ch == "'" { inString = false }
                continue
            }
            switch ch {
            case "'": inString = true
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i == text.count - 1 }
            default: break
            }
        }
        return false
    }
}
