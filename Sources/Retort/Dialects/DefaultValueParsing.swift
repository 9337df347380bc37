extension DefaultValue {
    /// Reads a default as a database reports it (`'text'`, `42`, `CURRENT_TIMESTAMP`, an expression).
    static func parse(sql text: String) -> DefaultValue? {
        let e = SQLText.normalizeExpression(text)
        if e.isEmpty || SQLText.equalIgnoringASCIICase(e, "NULL") { return nil }
        return DefaultValue.canonical(normalized: e)
    }

    /// The canonical form of a default: literals recognized inside expressions.
    var canonical: DefaultValue {
        switch self {
        case .expression(let raw):
            return Self.canonical(normalized: SQLText.normalizeExpression(raw))
        case .number(let n):
            if let i = Int64(n) { return .integer(i) }
            return .number(n)
        default:
            return self
        }
    }

    /// The default an already normalized expression stands for (read byte-wise: every default of
    /// every table passes through here).
    static func canonical(normalized e: String) -> DefaultValue {
        guard let first = e.utf8.first else { return .expression(e) }
        switch first {
        case UInt8(ascii: "'"):
            // A string literal: quotes doubled inside, and nothing after the closing quote.
            var bytes = Array(e.utf8)
            guard bytes.count >= 2, bytes.last == 39 else { break }
            bytes = Array(bytes[1..<(bytes.count - 1)])
            var inner: [UInt8] = []
            inner.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 39 {
                    guard i + 1 < bytes.count, bytes[i + 1] == 39 else { return .expression(e) }
                    i += 1
                }
                inner.append(bytes[i])
                i += 1
            }
            return .string(String(decoding: inner, as: UTF8.self))
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let i = Int64(e) { return .integer(i) }
            if Double(e) != nil, !e.utf8.contains(where: { ($0 | 0x20) &- 97 < 26 }) { return .number(e) }
        default:
            if SQLText.equalIgnoringASCIICase(e, "CURRENT_TIMESTAMP") { return .currentTimestamp }
            if SQLText.equalIgnoringASCIICase(e, "CURRENT_DATE") { return .currentDate }
            if SQLText.equalIgnoringASCIICase(e, "TRUE") { return .boolean(true) }
            if SQLText.equalIgnoringASCIICase(e, "FALSE") { return .boolean(false) }
        }
        return .expression(e)
    }
}
