/// A whole database schema: the one value both the models and introspection produce.
public struct Schema: Hashable, Sendable, Codable {
    /// The tables, in model order.
    public var tables: [Table]
    /// Enum types as objects of their own: those no column uses (introspection lists exactly these)
    /// and any a model or revision declares; a listed type outlives the drop of its last column.
    public var enums: [EnumType]
    /// Sequences other than those of serial columns (PostgreSQL).
    public var sequences: [DatabaseSequence]
    /// The views, in declaration order.
    public var views: [View]
    /// The domains (PostgreSQL), in declaration order.
    public var domains: [Domain] = []
    /// The composite types (PostgreSQL), in declaration order.
    public var compositeTypes: [CompositeType] = []
    /// The functions and procedures (PostgreSQL), in declaration order.
    public var functions: [Function] = []
    /// The aggregates (PostgreSQL), in declaration order.
    public var aggregates: [Aggregate] = []
    /// The materialized views (PostgreSQL), in declaration order.
    public var materializedViews: [MaterializedView] = []
    /// The extensions (PostgreSQL) the models use, in declaration order.
    public var extensions: [Extension] = []
    /// Objects that depend on a table (column "") or a column and that Retort can neither manage
    /// nor create again (rules, materialized views, views in other schemas), as read from the
    /// database: "view v". Never compared or encoded; a change they block is refused.
    public var dependents: [ColumnReference: [String]] = [:]
    /// The dependency graph and the catalog's own definitions (with grants and owner) of the
    /// objects read; never compared or encoded (see `CatalogFacts`).
    public var catalog = CatalogFacts()

    /// A schema holding these tables, standalone enum types, sequences and views.
    public init(tables: [Table] = [], enums: [EnumType] = [], sequences: [DatabaseSequence] = [], views: [View] = []) {
        self.tables = tables
        self.enums = enums
        self.sequences = sequences
        self.views = views
    }

    private enum CodingKeys: String, CodingKey { case tables, enums, sequences, views, domains, compositeTypes, functions, aggregates, materializedViews, extensions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tables = try c.decode([Table].self, forKey: .tables)
        enums = try c.decodeIfPresent([EnumType].self, forKey: .enums) ?? []
        sequences = try c.decodeIfPresent([DatabaseSequence].self, forKey: .sequences) ?? []
        views = try c.decodeIfPresent([View].self, forKey: .views) ?? []
        domains = try c.decodeIfPresent([Domain].self, forKey: .domains) ?? []
        compositeTypes = try c.decodeIfPresent([CompositeType].self, forKey: .compositeTypes) ?? []
        functions = try c.decodeIfPresent([Function].self, forKey: .functions) ?? []
        aggregates = try c.decodeIfPresent([Aggregate].self, forKey: .aggregates) ?? []
        materializedViews = try c.decodeIfPresent([MaterializedView].self, forKey: .materializedViews) ?? []
        extensions = try c.decodeIfPresent([Extension].self, forKey: .extensions) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tables, forKey: .tables)
        try c.encodeUnlessDefault(enums, forKey: .enums)
        try c.encodeUnlessDefault(sequences, forKey: .sequences)
        try c.encodeUnlessDefault(views, forKey: .views)
        try c.encodeUnlessDefault(domains, forKey: .domains)
        try c.encodeUnlessDefault(compositeTypes, forKey: .compositeTypes)
        try c.encodeUnlessDefault(functions, forKey: .functions)
        try c.encodeUnlessDefault(aggregates, forKey: .aggregates)
        try c.encodeUnlessDefault(materializedViews, forKey: .materializedViews)
        try c.encodeUnlessDefault(extensions, forKey: .extensions)
    }

    /// Equal when the objects are: the catalog's facts and the unmanaged dependents do not count.
    public static func == (a: Schema, b: Schema) -> Bool {
        a.tables == b.tables && a.enums == b.enums && a.sequences == b.sequences && a.views == b.views && a.domains == b.domains
            && a.compositeTypes == b.compositeTypes && a.functions == b.functions && a.aggregates == b.aggregates
            && a.materializedViews == b.materializedViews && a.extensions == b.extensions
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tables)
        hasher.combine(enums)
        hasher.combine(sequences)
        hasher.combine(views)
        hasher.combine(domains)
        hasher.combine(compositeTypes)
        hasher.combine(functions)
        hasher.combine(aggregates)
        hasher.combine(materializedViews)
        hasher.combine(extensions)
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
