/// A whole database schema: the one value both the models and introspection produce.
public struct Schema: Hashable, Sendable, Codable {
    public var tables: [Table]

    /// A schema holding these tables.
    public init(tables: [Table] = []) {
        self.tables = tables
    }

    /// The table with this name, if any.
    public func table(_ name: String) -> Table? { tables.first { $0.name == name } }

    /// The index of the table with this name, if any.
    public func tableIndex(_ name: String) -> Int? { tables.firstIndex { $0.name == name } }
}
