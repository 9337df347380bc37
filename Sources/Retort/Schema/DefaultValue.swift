/// A server-side column default: a literal value or an SQL expression.
public enum DefaultValue: Hashable, Sendable, Codable {
    /// A text literal.
    case string(String)
    /// An integer literal.
    case integer(Int64)
    /// A non-integer numeric literal, kept as written so it compares exactly.
    case number(String)
    /// A boolean literal.
    case boolean(Bool)
    /// The current date and time (`CURRENT_TIMESTAMP`).
    case currentTimestamp
    /// The current date (`CURRENT_DATE`).
    case currentDate
    /// Any other SQL expression, rendered as written.
    case expression(String)

    /// A short human spelling, used in messages.
    public var displayName: String { spelled(.display) }
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

extension DefaultValue {
    /// True for a value taken from a sequence (`nextval(…)`), which only PostgreSQL has.
    public var isSequenceValue: Bool {
        if case .expression(let e) = self { return e.lowercased().hasPrefix("nextval(") }
        return false
    }

    /// The same default spelled as a literal of the column's type, so that a default read from one
    /// dialect renders on every dialect: an SQLite boolean `0`/`1` becomes `false`/`true`, a number
    /// stored as text in a numeric column becomes a number, a number in a text column becomes text.
    public func typed(for type: ColumnType) -> DefaultValue {
        let value = canonical
        switch type {
        case .boolean:
            switch value {
            case .integer(let i) where i == 0 || i == 1: return .boolean(i == 1)
            case .string(let s):
                switch s.lowercased() {
                case "1", "t", "true", "y", "yes", "on": return .boolean(true)
                case "0", "f", "false", "n", "no", "off": return .boolean(false)
                default: return value
                }
            default: return value
            }
        case .smallint, .integer, .bigint:
            switch value {
            case .string(let s): return Int64(s).map(DefaultValue.integer) ?? value
            case .number(let n): return Double(n).flatMap { Int64(exactly: $0) }.map(DefaultValue.integer) ?? value
            case .boolean(let b): return .integer(b ? 1 : 0)
            default: return value
            }
        case .real, .double, .decimal:
            if case .string(let s) = value, Double(s) != nil, !s.contains(where: \.isLetter) {
                return DefaultValue.number(s).canonical
            }
            return value
        case .text, .string, .uuid, .json, .date, .timestamp, .enumeration:
            switch value {
            case .integer(let i): return .string(String(i))
            case .number(let n): return .string(n)
            default: return value
            }
        case .native(let spelling) where spelling == "numeric" || spelling == "decimal":
            // An unconstrained numeric (PostgreSQL's `numeric`): its literals as for a decimal.
            return typed(for: .decimal(0, 0))
        case .blob, .native:
            return value
        }
    }
}

extension Column {
    /// This column with its default spelled as a literal of its type (see `DefaultValue.typed(for:)`).
    public var withTypedDefault: Column {
        var copy = self
        copy.defaultValue = defaultValue?.typed(for: type)
        return copy
    }
}

extension Schema {
    /// A copy in which every default is spelled as a literal of its column's type.
    public func withTypedDefaults() -> Schema {
        var copy = self
        for t in copy.tables.indices { copy.tables[t].columns = copy.tables[t].columns.map(\.withTypedDefault) }
        return copy
    }
}
