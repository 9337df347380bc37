import Foundation

/// Reads SQL type spellings back into portable column types.
enum TypeNames {
    /// The portable type for the spellings Retort and `format_type` write most (lower or upper case,
    /// no extra spaces), read without Foundation: comparison reads every column of every table.
    static func common(_ spelling: String) -> ColumnType? {
        switch spelling {
        case "smallint", "SMALLINT", "int2": return .smallint
        case "integer", "INTEGER", "int", "int4": return .integer
        case "bigint", "BIGINT", "int8": return .bigint
        case "text", "TEXT": return .text
        case "boolean", "BOOLEAN", "bool": return .boolean
        case "real", "REAL": return .real
        case "double precision", "DOUBLE PRECISION": return .double
        case "date", "DATE": return .date
        case "timestamp", "TIMESTAMP", "timestamp without time zone": return .timestamp
        case "timestamptz", "TIMESTAMPTZ", "timestamp with time zone": return .timestamptz
        case "uuid", "UUID": return .uuid
        default: break
        }
        func arguments(after prefix: String) -> [Int]? {
            guard spelling.hasPrefix(prefix), spelling.hasSuffix(")") else { return nil }
            let inner = spelling.utf8.dropFirst(prefix.utf8.count).dropLast()
            var values: [Int] = [], current = 0, digits = 0
            for byte in inner {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    current = current * 10 + Int(byte - UInt8(ascii: "0"))
                    digits += 1
                    if digits > 9 { return nil }
                case UInt8(ascii: ","):
                    guard digits > 0 else { return nil }
                    values.append(current)
                    (current, digits) = (0, 0)
                default: return nil
                }
            }
            guard digits > 0 else { return nil }
            return values + [current]
        }
        for prefix in ["varchar(", "character varying(", "VARCHAR("] {
            if let a = arguments(after: prefix), a.count == 1 { return .string(a[0]) }
        }
        for prefix in ["numeric(", "NUMERIC(", "decimal(", "DECIMAL("] {
            if let a = arguments(after: prefix), a.count <= 2 { return .decimal(a[0], a.count == 2 ? a[1] : 0) }
        }
        return nil
    }

    /// The portable type a type spelling stands for, or `.native` when there is none.
    static func parse(_ spelling: String) -> ColumnType {
        if let known = common(spelling) { return known }
        let text = spelling.trimmingCharacters(in: .whitespaces).uppercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var base = text
        var arguments: [Int] = []
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            base = text[..<open].trimmingCharacters(in: .whitespaces)
            let inner = text[text.index(after: open)..<close]
            let parsed = inner.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            if parsed.contains(where: { $0 == nil }) { return .native(spelling.lowercased()) }
            arguments = parsed.compactMap { $0 }
            if text.index(after: close) != text.endIndex { return .native(spelling.lowercased()) }
        }
        switch (base, arguments.count) {
        case ("SMALLINT", 0), ("INT2", 0): return .smallint
        case ("INTEGER", 0), ("INT", 0), ("INT4", 0): return .integer
        case ("BIGINT", 0), ("INT8", 0): return .bigint
        case ("TEXT", 0): return .text
        case ("VARCHAR", 1), ("CHARACTER VARYING", 1): return .string(arguments[0])
        case ("BOOLEAN", 0), ("BOOL", 0): return .boolean
        case ("REAL", 0), ("FLOAT4", 0): return .real
        case ("DOUBLE", 0), ("DOUBLE PRECISION", 0), ("FLOAT8", 0), ("FLOAT", 0): return .double
        case ("NUMERIC", 2), ("DECIMAL", 2): return .decimal(arguments[0], arguments[1])
        case ("NUMERIC", 1), ("DECIMAL", 1): return .decimal(arguments[0], 0)
        case ("DATE", 0): return .date
        case ("TIMESTAMP", 0), ("DATETIME", 0), ("TIMESTAMP WITHOUT TIME ZONE", 0): return .timestamp
        case ("TIMESTAMPTZ", 0), ("TIMESTAMP WITH TIME ZONE", 0): return .timestamptz
        case ("UUID", 0): return .uuid
        case ("JSON", 0): return .json
        case ("BLOB", 0): return .blob
        default: return .native(spelling.trimmingCharacters(in: .whitespaces).lowercased())
        }
    }
}

extension DefaultValue {
    /// Reads a default as a database reports it (`'text'`, `42`, `CURRENT_TIMESTAMP`, an expression).
    static func parse(sql text: String) -> DefaultValue? {
        let e = SQLText.normalizeExpression(text)
        if e.isEmpty || e.uppercased() == "NULL" { return nil }
        return DefaultValue.expression(e).canonical
    }

    /// The canonical form of a default: literals recognized inside expressions.
    var canonical: DefaultValue {
        switch self {
        case .expression(let raw):
            let e = SQLText.normalizeExpression(raw)
            let upper = e.uppercased()
            if upper == "CURRENT_TIMESTAMP" { return .currentTimestamp }
            if upper == "CURRENT_DATE" { return .currentDate }
            if upper == "TRUE" { return .boolean(true) }
            if upper == "FALSE" { return .boolean(false) }
            if let i = Int64(e) { return .integer(i) }
            if Double(e) != nil, !e.contains(where: \.isLetter) { return .number(e) }
            if e.count >= 2, e.hasPrefix("'"), e.hasSuffix("'") {
                let inner = String(e.dropFirst().dropLast())
                if !inner.replacingOccurrences(of: "''", with: "").contains("'") {
                    return .string(inner.replacingOccurrences(of: "''", with: "'"))
                }
            }
            return .expression(e)
        case .number(let n):
            if let i = Int64(n) { return .integer(i) }
            return .number(n)
        default:
            return self
        }
    }
}
