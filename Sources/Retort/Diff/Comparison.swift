/// One kind of object that lives beside the tables (enum types, sequences, views): what changes
/// between the database's schema (renames applied) and the target's.
protocol SchemaComparison: Sendable {
    /// The operations for this kind, unordered.
    static func compare(_ pair: SchemaPair) throws -> [MigrationOperation]
}

/// The database's schema and the target's, for the kinds that live beside the tables.
struct SchemaPair {
    /// The database's schema (renames applied).
    var current: Schema
    /// The target's schema, without hints.
    var target: Schema
    /// The target's objects as the database spells them.
    var canonical: CanonicalForms
    /// The dialect, which decides what it has and what counts as equal.
    var dialect: any Dialect
}

/// One kind of object inside a table that both schemas have (columns, constraints, indexes, comments).
protocol TableComparison: Sendable {
    /// The operations for this kind of the table, unordered.
    static func compare(_ pair: TablePair) throws -> [MigrationOperation]
}

/// A table in the database and in the target, as given and as the dialect normalizes them for
/// comparing: operations carry `old` and `new`, decisions are taken on the normalized pair.
struct TablePair {
    /// The database's table (renames applied).
    var old: Table
    /// The target's table, with the target's own text.
    var new: Table
    /// `old` normalized by the dialect.
    var normalizedOld: Table
    /// `new` as the database spells its expressions, normalized by the dialect.
    var normalizedNew: Table
    /// Values the target names for NULL rows of columns that become NOT NULL.
    var backfills: [String: DefaultValue]
    /// Objects Retort does not manage that depend on a column (a view), by column.
    var dependents: [ColumnReference: [String]]
    /// The dialect, which refuses what it cannot carry out.
    var dialect: any Dialect

    var name: String { new.name }
}

/// A value compared by its definition: itself with what must not count cleared (a name, compared
/// by pairing; a comment, compared on its own; whether it is validated).
protocol ComparedByDefinition: Equatable {
    /// The value with what must not count cleared.
    var definition: Self { get }
}

extension ComparedByDefinition {
    /// True when both have the same definition.
    func sameDefinition(as other: Self) -> Bool { definition == other.definition }
}
