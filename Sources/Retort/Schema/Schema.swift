/// A whole database schema: the one value both the models and introspection produce.
public struct Schema: Hashable, Sendable, Codable {
    /// The tables, in model order.
    public var tables: [Table]
    /// Enum types as objects of their own: those no column uses (introspection lists exactly these)
    /// and any a model or revision declares; a listed type outlives the drop of its last column.
    public var enums: [EnumType]
    /// Sequences other than those of serial columns (PostgreSQL).
    public var sequences: [DatabaseSequence]
    /// Objects Retort does not manage (views, rules) that depend on a table (column "") or a column,
    /// as read from the database: "view v". Never compared or encoded; a change they block is refused.
    public var dependents: [ColumnReference: [String]] = [:]

    /// A schema holding these tables, standalone enum types and sequences.
    public init(tables: [Table] = [], enums: [EnumType] = [], sequences: [DatabaseSequence] = []) {
        self.tables = tables
        self.enums = enums
        self.sequences = sequences
    }

    private enum CodingKeys: String, CodingKey { case tables, enums, sequences }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tables = try c.decode([Table].self, forKey: .tables)
        enums = try c.decodeIfPresent([EnumType].self, forKey: .enums) ?? []
        sequences = try c.decodeIfPresent([DatabaseSequence].self, forKey: .sequences) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tables, forKey: .tables)
        if !enums.isEmpty { try c.encode(enums, forKey: .enums) }
        if !sequences.isEmpty { try c.encode(sequences, forKey: .sequences) }
    }

    /// Every PostgreSQL enum type: those the columns use (first declaration wins; a column whose
    /// native type overrides the enum on PostgreSQL uses none) and the standalone ones.
    public var allEnumTypes: [String: [String]] {
        var found = enumTypes(on: .postgres)
        for e in enums where found[e.name] == nil { found[e.name] = e.values }
        return found
    }

    /// The sequence with this name, if any.
    public func sequence(_ name: String) -> DatabaseSequence? { sequences.first { $0.name == name } }

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
