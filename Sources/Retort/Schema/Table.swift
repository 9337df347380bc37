/// A table: columns, keys, constraints, indexes and comment.
public struct Table: Hashable, Sendable {
    /// The table's name.
    public var name: String
    /// The columns, in order.
    public var columns: [Column]
    /// The primary key, if any.
    public var primaryKey: PrimaryKey?
    /// The unique constraints.
    public var uniqueConstraints: [UniqueConstraint]
    /// The foreign keys.
    public var foreignKeys: [ForeignKey]
    /// The check constraints.
    public var checks: [CheckConstraint]
    /// The indexes (unique constraints' own indexes are not listed).
    public var indexes: [Index]
    /// The table's comment.
    public var comment: String?
    /// The table's triggers, compared by name (see `Trigger`).
    public var triggers: [Trigger]
    /// How the table is partitioned (PostgreSQL), with its partitions; nil for a plain table (and
    /// left out of checksums then).
    public var partitioning: Partitioning?
    /// Row-level security (PostgreSQL); nil when off (and left out of checksums then).
    public var rowLevelSecurity: RowLevelSecurity?
    /// Row-level security policies (PostgreSQL), compared by name (left out of checksums while empty).
    public var policies: [Policy] = []
    /// Exclusion constraints (PostgreSQL), compared by name (left out of checksums while empty).
    public var exclusionConstraints: [ExclusionConstraint] = []
    /// Renames and backfills the model asks for; nil when there are none (see `TableHints`).
    public var hints: TableHints?
    /// SQLite's `STRICT` and `WITHOUT ROWID`; nil when neither (and left out of checksums then).
    public var sqlite: SQLiteTableOptions? {
        didSet { if sqlite?.isEmpty == true { sqlite = nil } }
    }

    /// A table value; the DSL's `Table(name) { … }` builds one of these.
    public init(
        name: String, columns: [Column] = [], primaryKey: PrimaryKey? = nil, uniqueConstraints: [UniqueConstraint] = [],
        foreignKeys: [ForeignKey] = [], checks: [CheckConstraint] = [], indexes: [Index] = [], comment: String? = nil,
        triggers: [Trigger] = [], sqlite: SQLiteTableOptions? = nil, partitioning: Partitioning? = nil,
        rowLevelSecurity: RowLevelSecurity? = nil, policies: [Policy] = [], exclusionConstraints: [ExclusionConstraint] = []
    ) {
        self.sqlite = sqlite?.isEmpty == true ? nil : sqlite
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueConstraints = uniqueConstraints
        self.foreignKeys = foreignKeys
        self.checks = checks
        self.indexes = indexes
        self.comment = comment
        self.triggers = triggers
        self.partitioning = partitioning
        self.rowLevelSecurity = rowLevelSecurity
        self.policies = policies
        self.exclusionConstraints = exclusionConstraints
    }

    /// The column with this name, if any.
    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// True for an SQLite `STRICT` table.
    var isStrict: Bool { sqlite?.contains(.strict) ?? false }

    /// Every table-level constraint as one list, primary key first.
    public var constraints: [Constraint] {
        (primaryKey.map { [.primaryKey($0)] } ?? []) + uniqueConstraints.map { .unique($0) }
            + foreignKeys.map { .foreignKey($0) } + checks.map { .check($0) }
    }

    /// Adds a table-level constraint.
    public mutating func add(_ constraint: Constraint) {
        switch constraint {
        case .primaryKey(let c): primaryKey = c
        case .unique(let c): uniqueConstraints.append(c)
        case .foreignKey(let c): foreignKeys.append(c)
        case .check(let c): checks.append(c)
        }
    }

    /// Removes a table-level constraint, matched by value.
    public mutating func remove(_ constraint: Constraint) {
        switch constraint {
        case .primaryKey: primaryKey = nil
        case .unique(let c): uniqueConstraints.removeAll { $0 == c }
        case .foreignKey(let c): foreignKeys.removeAll { $0 == c }
        case .check(let c): checks.removeAll { $0 == c }
        }
    }
}

extension Table {
    /// The expressions the table holds, as written: checks, index predicates and keys, expression
    /// defaults and generation expressions (what a database must resolve against its columns).
    public var expressions: [String] {
        checks.map(\.expression) + indexes.compactMap(\.predicate)
            + indexes.flatMap { $0.keys.compactMap { if case .expression(let e) = $0 { e } else { nil } } }
            + columns.compactMap { if case .expression(let e)? = $0.defaultValue { e } else { $0.generated?.expression } }
    }
}

extension Table: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment, triggers, partitioning, hints, sqlite
        case rowLevelSecurity, policies, exclusionConstraints
    }

    /// Every detail that tables had when revisions were first applied is written as it always was;
    /// later ones only when set (see `StableEncoding`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(columns, forKey: .columns)
        try c.encodeIfPresent(primaryKey, forKey: .primaryKey)
        try c.encode(uniqueConstraints, forKey: .uniqueConstraints)
        try c.encode(foreignKeys, forKey: .foreignKeys)
        try c.encode(checks, forKey: .checks)
        try c.encode(indexes, forKey: .indexes)
        try c.encodeIfPresent(comment, forKey: .comment)
        try c.encode(triggers, forKey: .triggers)
        try c.encodeIfPresent(partitioning, forKey: .partitioning)
        try c.encodeIfPresent(hints, forKey: .hints)
        try c.encodeIfPresent(sqlite, forKey: .sqlite)
        try c.encodeIfPresent(rowLevelSecurity, forKey: .rowLevelSecurity)
        try c.encodeUnlessDefault(policies, forKey: .policies)
        try c.encodeUnlessDefault(exclusionConstraints, forKey: .exclusionConstraints)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), columns: try c.decodeIfPresent([Column].self, forKey: .columns) ?? [],
            primaryKey: try c.decodeIfPresent(PrimaryKey.self, forKey: .primaryKey),
            uniqueConstraints: try c.decodeIfPresent([UniqueConstraint].self, forKey: .uniqueConstraints) ?? [],
            foreignKeys: try c.decodeIfPresent([ForeignKey].self, forKey: .foreignKeys) ?? [],
            checks: try c.decodeIfPresent([CheckConstraint].self, forKey: .checks) ?? [],
            indexes: try c.decodeIfPresent([Index].self, forKey: .indexes) ?? [], comment: try c.decodeIfPresent(String.self, forKey: .comment),
            triggers: try c.decodeIfPresent([Trigger].self, forKey: .triggers) ?? [],
            sqlite: try c.decodeIfPresent(SQLiteTableOptions.self, forKey: .sqlite),
            partitioning: try c.decodeIfPresent(Partitioning.self, forKey: .partitioning))
        hints = try c.decodeIfPresent(TableHints.self, forKey: .hints)
        rowLevelSecurity = try c.decodeIfPresent(RowLevelSecurity.self, forKey: .rowLevelSecurity)
        policies = try c.decodeIfPresent([Policy].self, forKey: .policies) ?? []
        exclusionConstraints = try c.decodeIfPresent([ExclusionConstraint].self, forKey: .exclusionConstraints) ?? []
    }
}
