/// A server-side column default: a literal value or an SQL expression.
public enum DefaultValue: Hashable, Sendable, Codable {
    case string(String)
    case integer(Int64)
    /// A non-integer numeric literal, kept as written so it compares exactly.
    case number(String)
    case boolean(Bool)
    /// The current date and time (`CURRENT_TIMESTAMP`).
    case currentTimestamp
    /// The current date (`CURRENT_DATE`).
    case currentDate
    /// Any other SQL expression, rendered as written.
    case expression(String)

    /// A short human spelling, used in messages.
    public var displayName: String {
        switch self {
        case .string(let s): return "'\(s)'"
        case .integer(let i): return String(i)
        case .number(let n): return n
        case .boolean(let b): return b ? "true" : "false"
        case .currentTimestamp: return "CURRENT_TIMESTAMP"
        case .currentDate: return "CURRENT_DATE"
        case .expression(let e): return e
        }
    }
}

extension DefaultValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral
{
    /// A string literal default.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal default.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A boolean literal default.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// A decimal literal default.
    public init(floatLiteral value: Double) { self = .number(String(value)) }
}
