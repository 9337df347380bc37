/// Computes the operations that turn one schema into another, comparing normalized values.
public struct Differ: Sendable {
    /// The dialect whose normalization decides what counts as equal.
    public let dialect: any Dialect

    /// A differ for a dialect.
    public init(dialect: any Dialect) {
        self.dialect = dialect
    }

    /// The operations that turn `current` (usually the database) into `target` (usually the models),
    /// in dependency order. The target's hints (renames, backfills) steer the result; throws a
    /// `ModelError` for a rename whose old and new names both exist.
    public func diff(from current: Schema, to target: Schema) throws -> [MigrationOperation] {
        try plan(from: current, to: target).operations
    }

    /// The operations grouped per table, in dependency order.
    public func plan(from current: Schema, to target: Schema) throws -> Plan {
        let (renames, renamed) = try Renames.resolve(current: current, target: target)
        let ops = renames + unordered(from: renamed, to: target)
        return Planner().plan(ops, current: current, target: target.withoutHints())
    }

    /// Suggestions for drops and adds in `operations` that look like unhinted renames.
    public func renameSuggestions(_ operations: [MigrationOperation]) -> [String] {
        Renames.suggestions(operations, dialect: dialect)
    }

    /// The operations other than renames, in no particular order.
    public func unordered(from current: Schema, to hinted: Schema) -> [MigrationOperation] {
        let target = hinted.withoutHints()
        let backfills = Dictionary(hinted.tables.map { ($0.name, $0.hints?.backfills ?? [:]) }) { a, _ in a }
        var ops: [MigrationOperation] = []
        let currentByName = Dictionary(current.tables.map { ($0.name, $0) }) { a, _ in a }
        let targetNames = Set(target.tables.map(\.name))
        for table in target.tables {
            if let old = currentByName[table.name] {
                ops += diffTable(old, table, backfills: backfills[table.name] ?? [:])
            } else {
                ops.append(.createTable(table))
            }
        }
        for table in current.tables where !targetNames.contains(table.name) {
            ops.append(.dropTable(table))
        }
        return ops
    }

    private func diffTable(_ old: Table, _ new: Table, backfills: [String: DefaultValue]) -> [MigrationOperation] {
        let name = new.name
        let no = dialect.normalized(old)
        let nn = dialect.normalized(new)
        var ops: [MigrationOperation] = []

        for column in new.columns {
            guard let before = old.column(column.name) else {
                ops.append(.addColumn(table: name, column: column))
                continue
            }
            if no.column(column.name) != nn.column(column.name) {
                // NULL rows are filled only with the value the model names for them.
                if before.nullable, !column.nullable, let value = backfills[column.name] {
                    ops.append(.backfill(table: name, column: column.name, value: value.typed(for: column.type)))
                }
                ops.append(.alterColumn(table: name, from: before, to: column))
            }
        }
        for column in old.columns where new.column(column.name) == nil {
            ops.append(.dropColumn(table: name, column: column))
        }

        if no.primaryKey != nn.primaryKey {
            if let pk = old.primaryKey { ops.append(.dropConstraint(table: name, constraint: .primaryKey(pk))) }
            if let pk = new.primaryKey { ops.append(.addConstraint(table: name, constraint: .primaryKey(pk))) }
        }
        ops += matchConstraints(
            table: name, old: zip(old.uniqueConstraints, no.uniqueConstraints).map { (.unique($0), Self.key($1)) },
            new: zip(new.uniqueConstraints, nn.uniqueConstraints).map { (.unique($0), Self.key($1)) })
        ops += matchConstraints(
            table: name, old: zip(old.foreignKeys, no.foreignKeys).map { (.foreignKey($0), Self.key($1)) },
            new: zip(new.foreignKeys, nn.foreignKeys).map { (.foreignKey($0), Self.key($1)) })
        ops += matchConstraints(
            table: name, old: zip(old.checks, no.checks).map { (.check($0), Self.key($1)) },
            new: zip(new.checks, nn.checks).map { (.check($0), Self.key($1)) })

        let oldIndexes = Dictionary(zip(old.indexes, no.indexes).map { ($0.name ?? "", ($0, $1)) }) { a, _ in a }
        let newIndexes = Dictionary(zip(new.indexes, nn.indexes).map { ($0.name ?? "", ($0, $1)) }) { a, _ in a }
        for (index, normalized) in zip(new.indexes, nn.indexes) {
            if let (before, normalizedBefore) = oldIndexes[index.name ?? ""] {
                if Self.key(normalizedBefore) != Self.key(normalized) {
                    ops.append(.dropIndex(table: name, index: before))
                    ops.append(.createIndex(table: name, index: index))
                }
            } else {
                ops.append(.createIndex(table: name, index: index))
            }
        }
        for index in old.indexes where newIndexes[index.name ?? ""] == nil {
            ops.append(.dropIndex(table: name, index: index))
        }
        if no.comment != nn.comment {
            ops.append(.setTableComment(table: name, from: old.comment, to: new.comment))
        }
        return ops
    }

    /// Pairs constraints by definition: what is only in `old` is dropped, what is only in `new` is added.
    private func matchConstraints(table: String, old: [(Constraint, String)], new: [(Constraint, String)]) -> [MigrationOperation] {
        var remaining = old
        var ops: [MigrationOperation] = []
        for (constraint, key) in new {
            if let i = remaining.firstIndex(where: { $0.1 == key }) {
                remaining.remove(at: i)
            } else {
                ops.append(.addConstraint(table: table, constraint: constraint))
            }
        }
        return remaining.map { .dropConstraint(table: table, constraint: $0.0) } + ops
    }

    static func key(_ u: UniqueConstraint) -> String { u.columns.joined(separator: "\u{1}") }
    static func key(_ fk: ForeignKey) -> String {
        [fk.columns.joined(separator: ","), fk.referencedTable, fk.referencedColumns.joined(separator: ","),
         fk.onDelete.rawValue, fk.onUpdate.rawValue].joined(separator: "\u{1}")
    }
    static func key(_ c: CheckConstraint) -> String { c.expression }
    static func key(_ i: Index) -> String {
        [i.keys.map { $0.column.map { "c" + $0 } ?? "e" + $0.displayName }.joined(separator: "\u{2}"), i.unique ? "u" : "",
         i.predicate ?? ""].joined(separator: "\u{1}")
    }
}
