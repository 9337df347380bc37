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

    /// The enum types the columns use, with their values (the first declaration wins); with a
    /// dialect, columns whose native type overrides the enum there are left out.
    public func enumTypes(on dialect: DialectName? = nil) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for t in tables {
            for c in t.columns {
                if case .enumeration(let name, let values) = c.type, found[name] == nil,
                    dialect.map({ c.nativeTypes[$0] == nil }) ?? true
                {
                    found[name] = values
                }
            }
        }
        return found
    }
}
