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

    /// The portable type a type spelling stands for, or `.native` when there is none. Reads
    /// bytes (ASCII upper-cased, white space collapsed): every column of every table passes here.
    static func parse(_ spelling: String) -> ColumnType {
        if let known = common(spelling) { return known }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(spelling.utf8.count)
        var space = false
        for b in spelling.utf8 {
            if b == 32 || (b >= 9 && b <= 13) {
                space = !bytes.isEmpty
                continue
            }
            if space { bytes.append(32) }
            space = false
            bytes.append(b &- 97 < 26 ? b - 32 : b)
        }
        var base = String(decoding: bytes, as: UTF8.self)
        var arguments: [Int] = []
        if let open = bytes.firstIndex(of: 40), let close = bytes.lastIndex(of: 41), open < close {
            guard close == bytes.count - 1 else { return .native(Self.lowercasedTrimmed(spelling)) }
            var end = open
            while end > 0, bytes[end - 1] == 32 { end -= 1 }
            base = String(decoding: bytes[..<end], as: UTF8.self)
            for part in bytes[(open + 1)..<close].split(separator: 44, omittingEmptySubsequences: false) {
                let digits = part.filter { $0 != 32 }
                guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0 &- 48 < 10 }) else {
                    return .native(Self.lowercasedTrimmed(spelling))
                }
                arguments.append(digits.reduce(0) { $0 * 10 + Int($1 - 48) })
            }
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
        default: return .native(Self.lowercasedTrimmed(spelling))
        }
    }

    /// A native spelling as it is kept: trimmed, lower-cased.
    private static func lowercasedTrimmed(_ spelling: String) -> String {
        spelling.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
