/// A portable column type, mapped to a native type by each dialect.
public enum ColumnType: Hashable, Sendable, Codable {
    /// A 16-bit integer.
    case smallint
    /// A 32-bit integer.
    case integer
    /// A 64-bit integer.
    case bigint
    /// Text of any length.
    case text
    /// Variable-length text with a maximum length (`varchar(n)`).
    case string(Int)
    /// True or false.
    case boolean
    /// Single-precision floating point.
    case real
    /// Double-precision floating point.
    case double
    /// Exact numeric with precision and scale.
    case decimal(Int, Int)
    /// A calendar date.
    case date
    /// A date and time, with or without a time zone.
    case timestamp(withTimeZone: Bool)
    /// A UUID (PostgreSQL `uuid`; text on SQLite).
    case uuid
    /// A JSON document (PostgreSQL `jsonb`; text on SQLite).
    case json
    /// Bytes (PostgreSQL `bytea`).
    case blob
    /// An enumerated type with its values: a PostgreSQL enum type (created and dropped with
    /// the tables that use it), text on SQLite.
    case enumeration(String, [String])
    /// A dialect's own type spelling, compared as written (lower-cased).
    case native(String)

    /// A timestamp without a time zone; `timestamp(withTimeZone: true)` for the zoned kind.
    public static let timestamp = ColumnType.timestamp(withTimeZone: false)
    /// A timestamp with a time zone.
    public static let timestamptz = ColumnType.timestamp(withTimeZone: true)

    /// True for the integer family.
    public var isInteger: Bool {
        switch self {
        case .smallint, .integer, .bigint: return true
        default: return false
        }
    }

    /// A short human spelling, used in messages and `check` output.
    public var displayName: String {
        switch self {
        case .smallint: return "smallint"
        case .integer: return "integer"
        case .bigint: return "bigint"
        case .text: return "text"
        case .string(let n): return "string(\(n))"
        case .boolean: return "boolean"
        case .real: return "real"
        case .double: return "double"
        case .decimal(let p, let s): return "decimal(\(p),\(s))"
        case .date: return "date"
        case .timestamp(let tz): return tz ? "timestamp with time zone" : "timestamp"
        case .uuid: return "uuid"
        case .json: return "json"
        case .blob: return "blob"
        case .enumeration(let name, let values): return "enum \(name)(\(values.joined(separator: ", ")))"
        case .native(let s): return s
        }
    }
}
