/// A value bound to or read from an SQL statement.
public enum SQLValue: Hashable, Sendable, Codable {
    /// SQL `NULL`.
    case null
    /// An integer.
    case integer(Int64)
    /// A floating-point number.
    case double(Double)
    /// Text.
    case text(String)
    /// Bytes.
    case blob([UInt8])

    /// The value as text, if it is text or a number.
    public var string: String? {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .double(let d): return String(d)
        default: return nil
        }
    }

    /// The value as an integer, if it is one (or text that holds one).
    public var int: Int64? {
        switch self {
        case .integer(let i): return i
        case .text(let s): return Int64(s)
        case .double(let d): return Int64(exactly: d)
        default: return nil
        }
    }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// A text value.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An integer value.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}
