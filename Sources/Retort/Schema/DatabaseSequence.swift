/// A PostgreSQL sequence that column defaults use (`nextval('name')`), with its options.
/// Sequences of serial and identity columns are not listed: the column carries them.
public struct DatabaseSequence: Hashable, Sendable, Codable {
    /// The sequence's name.
    public var name: String
    /// smallint, integer or bigint.
    public var type: ColumnType
    /// The first value.
    public var start: Int64
    /// The step between values (negative: counts down).
    public var increment: Int64
    /// The lowest value.
    public var minValue: Int64
    /// The highest value.
    public var maxValue: Int64
    /// Values handed out in advance per session.
    public var cache: Int64
    /// Starts again at the other end after the last value.
    public var cycle: Bool
    /// The column that owns the sequence (dropped with it), if any.
    public var ownedBy: ColumnReference?

    /// A sequence; unset options take PostgreSQL's defaults for the type and direction.
    public init(
        _ name: String, type: ColumnType = .bigint, start: Int64? = nil, increment: Int64 = 1, minValue: Int64? = nil,
        maxValue: Int64? = nil, cache: Int64 = 1, cycle: Bool = false, ownedBy: ColumnReference? = nil
    ) {
        let typeMax: Int64 = type == .smallint ? Int64(Int16.max) : type == .integer ? Int64(Int32.max) : Int64.max
        let typeMin: Int64 = type == .smallint ? Int64(Int16.min) : type == .integer ? Int64(Int32.min) : Int64.min
        self.name = name
        self.type = type
        self.increment = increment
        self.minValue = minValue ?? (increment > 0 ? 1 : typeMin)
        self.maxValue = maxValue ?? (increment > 0 ? typeMax : -1)
        self.start = start ?? (increment > 0 ? self.minValue : self.maxValue)
        self.cache = cache
        self.cycle = cycle
        self.ownedBy = ownedBy
    }
}
