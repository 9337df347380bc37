import Foundation

/// Quoting and light normalization of SQL text shared by every dialect.
public enum SQLText {
    /// Quotes an identifier with double quotes, doubling any inside.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingScalars(["\"": "\"\""]) + "\""
    }

    /// Quotes a string literal with single quotes, doubling any inside.
    public static func literal(_ value: String) -> String {
        "'" + value.replacingScalars(["'": "''"]) + "'"
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

    /// True when the expression names the identifier (bare in any case, or quoted exactly).
    public static func mentions(_ expression: String, _ identifier: String) -> Bool {
        SQLTokenizer.tokenize(expression).contains { token in
            (token.kind == .word && token.value.lowercased() == identifier.lowercased())
                || (token.kind == .quotedIdentifier && token.value == identifier)
        }
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
    /// parentheses that wrap the whole expression, so equal expressions compare equal. Works on
    /// UTF-8 bytes: every catalog expression of every table passes through here.
    public static func normalizeExpression(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var inString = false
        var pendingSpace = false
        for b in text.utf8 {
            if inString {
                out.append(b)
                if b == 39 { inString = false }
                continue
            }
            if b == 32 || (b >= 9 && b <= 13) {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = out.last, last != 40, b != 41 { out.append(32) }
            pendingSpace = false
            if b == 39 { inString = true }
            out.append(b)
        }
        var lo = 0, hi = out.count
        while hi - lo >= 2, out[lo] == 40, out[hi - 1] == 41, wrapsWhole(out[lo..<hi]) {
            lo += 1
            hi -= 1
            while lo < hi, out[lo] == 32 { lo += 1 }
            while hi > lo, out[hi - 1] == 32 { hi -= 1 }
        }
        return String(decoding: out[lo..<hi], as: UTF8.self)
    }

    /// True when the first `(` of the text closes at its last byte.
    private static func wrapsWhole(_ text: ArraySlice<UInt8>) -> Bool {
        var depth = 0
        var inString = false
        for i in text.indices {
            let b = text[i]
            if inString {
                if b == 39 { inString = false }
                continue
            }
            switch b {
            case 39: inString = true
            case 40: depth += 1
            case 41:
                depth -= 1
                if depth == 0 { return i == text.endIndex - 1 }
            default: break
            }
        }
        return false
    }

    /// Byte-wise equality folding only ASCII letters (SQL keywords are ASCII; no Foundation).
    public static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        var x = a.utf8.makeIterator(), y = b.utf8.makeIterator()
        while true {
            switch (x.next(), y.next()) {
            case (nil, nil): return true
            case (let p?, let q?):
                if p == q { continue }
                let lp = p &- 65 < 26 ? p | 0x20 : p, lq = q &- 65 < 26 ? q | 0x20 : q
                if lp != lq { return false }
            default: return false
            }
        }
    }
}
