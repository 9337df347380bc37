/// What a model says about how it came to be: renames and backfill values. Hints steer `autogen`;
/// they are never compared and never written into a revision, and a hint whose old name no longer
/// exists in the database does nothing.
public struct TableHints: Hashable, Sendable, Codable {
    /// The table's previous name.
    public var renamedFrom: String?
    /// Previous column names, by new name.
    public var columns: [String: String] = [:]
    /// Values for a column's NULL rows when it becomes NOT NULL, by column name.
    public var backfills: [String: DefaultValue] = [:]
    /// Previous index names, by new name.
    public var indexes: [String: String] = [:]
    /// Previous constraint names, by new name.
    public var constraints: [String: String] = [:]
    /// Previous enum type names, by new name.
    public var enumTypes: [String: String] = [:]
    /// Previous enum values, by enum type and new value.
    public var enumValues: [String: [String: String]] = [:]

    /// No hints.
    public init() {}

    /// True when the hints say nothing.
    public var isEmpty: Bool { self == TableHints() }
}

extension Table {
    /// Adds to this table's hints.
    mutating func hint(_ change: (inout TableHints) -> Void) {
        var h = hints ?? TableHints()
        change(&h)
        hints = h.isEmpty ? nil : h
    }
}

extension Schema {
    /// The same schema with every hint removed: what operations carry.
    public func withoutHints() -> Schema {
        var copy = self
        for i in copy.tables.indices { copy.tables[i].hints = nil }
        return copy
    }
}
