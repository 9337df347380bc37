/// A table: columns, keys, constraints, indexes and comment.
public struct Table: Hashable, Sendable, Codable {
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
        triggers: [Trigger] = [], sqlite: SQLiteTableOptions? = nil, partitioning: Partitioning? = nil
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
