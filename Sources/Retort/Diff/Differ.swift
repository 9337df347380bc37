import Foundation

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
    public func diff(from current: Schema, to target: Schema, canonical: CanonicalForms = CanonicalForms()) throws
        -> [MigrationOperation]
    {
        try plan(from: current, to: target, canonical: canonical).operations
    }

    /// The operations grouped per table, in dependency order.
    /// `canonical` holds the target's tables as the database spells their expressions; they decide
    /// what is equal, while the operations keep the target's own text.
    public func plan(from database: Schema, to target: Schema, canonical: CanonicalForms = CanonicalForms()) throws -> Plan {
        let current = dialect.spelling(database, as: target)
        let (renames, renamed) = try Renames.resolve(current: current, target: target)
        let objects = dialect.traits.schemaObjects ? try SchemaObjects.diff(from: renamed, to: target.withoutHints()) : []
        var tableOps = try unordered(from: renamed, to: target, canonical: canonical)
        if dialect.traits.referencedKeysArePinned {
            tableOps = ReferencingKeys.detach(tableOps, current: renamed, target: target.withoutHints())
        }
        let ops = renames + objects + tableOps
        return Planner().plan(ops, current: current, target: target.withoutHints())
    }

    /// Suggestions for drops and adds in `operations` that look like unhinted renames.
    public func renameSuggestions(_ operations: [MigrationOperation]) -> [String] {
        Renames.suggestions(operations, dialect: dialect)
    }

    /// The operations other than renames, in no particular order.
    public func unordered(from current: Schema, to hinted: Schema, canonical: CanonicalForms = CanonicalForms()) throws
        -> [MigrationOperation]
    {
        let target = hinted.withoutHints()
        let backfills = Dictionary(hinted.tables.map { ($0.name, $0.hints?.backfills ?? [:]) }) { a, _ in a }
        var ops: [MigrationOperation] = []
        let currentByName = Dictionary(current.tables.map { ($0.name, $0) }) { a, _ in a }
        let targetNames = Set(target.tables.map(\.name))
        // Tables are compared independently: a large schema is split over the cores, the
        // results kept in model order.
        let tables = target.tables
        let chunks = tables.count >= 512 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
        let size = (tables.count + chunks - 1) / max(chunks, 1)
        var results = [Result<[MigrationOperation], any Error>](repeating: .success([]), count: chunks)
        let differ = self
        let dependents = current.dependents
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * size)..<min(tables.count, (chunk + 1) * size)
                out[chunk] = Result {
                    var found: [MigrationOperation] = []
                    for table in tables[range] {
                        if let old = currentByName[table.name] {
                            found += try differ.diffTable(
                                old, table, comparable: canonical.comparable(table), backfills: backfills[table.name] ?? [:],
                                dependents: dependents)
                        } else {
                            found.append(.createTable(table))
                        }
                    }
                    return found
                }
            }
        }
        for result in results { ops += try result.get() }
        for table in current.tables where !targetNames.contains(table.name) {
            if dialect.traits.strictTypeChanges { try ColumnChange.checkDrop("table \(table.name)", dependents: current.dependents[ColumnReference(table.name, "")] ?? []) }
            ops.append(.dropTable(table))
        }
        return ops
    }

    private func diffTable(
        _ old: Table, _ new: Table, comparable: Table, backfills: [String: DefaultValue], dependents: [ColumnReference: [String]]
    ) throws -> [MigrationOperation] {
        let name = new.name
        let no = dialect.normalized(old)
        let nn = dialect.normalized(comparable)
        var ops: [MigrationOperation] = []

        for column in new.columns {
            guard var before = old.column(column.name) else {
                ops.append(.addColumn(table: name, column: column))
                continue
            }
            var wanted = nn.column(column.name)
            // A model that says only "autoincrement" matches a serial and an identity column alike.
            if let w = wanted, w.autoincrement, w.autoincrementKind == nil, before.autoincrement {
                wanted?.autoincrementKind = no.column(column.name)?.autoincrementKind
            }
            if no.column(column.name) != wanted {
                // A generation expression equal in meaning is the models' text: it is not changed.
                if no.column(column.name)?.generated == wanted?.generated { before.generated = column.generated }
                if dialect.traits.strictTypeChanges {
                    try ColumnChange.check(
                        table: name, from: before, to: column, dependents: dependents[ColumnReference(name, column.name)] ?? [])
                }
                // NULL rows are filled only with the value the model names for them.
                if before.nullable, !column.nullable, let value = backfills[column.name] {
                    ops.append(.backfill(table: name, column: column.name, value: value.typed(for: column.type)))
                }
                ops.append(.alterColumn(table: name, from: before, to: column))
            }
        }
        for column in old.columns where new.column(column.name) == nil {
            if dialect.traits.strictTypeChanges {
                try ColumnChange.checkDrop("column \(name).\(column.name)", dependents: dependents[ColumnReference(name, column.name)] ?? [])
            }
            ops.append(.dropColumn(table: name, column: column))
        }

        if no.primaryKey != nn.primaryKey {
            if let pk = old.primaryKey { ops.append(.dropConstraint(table: name, constraint: .primaryKey(pk))) }
            if let pk = new.primaryKey { ops.append(.addConstraint(table: name, constraint: .primaryKey(pk))) }
        }
        ops += matchConstraints(
            table: name, old: zip(old.uniqueConstraints, no.uniqueConstraints).map { (.unique($0), Self.key($1), false) },
            new: zip(new.uniqueConstraints, nn.uniqueConstraints).map { (.unique($0), Self.key($1), false) })
        ops += matchConstraints(
            table: name, old: zip(old.foreignKeys, no.foreignKeys).map { (.foreignKey($0), Self.key($1), $1.notValid) },
            new: zip(new.foreignKeys, nn.foreignKeys).map { (.foreignKey($0), Self.key($1), $1.notValid) })
        ops += matchConstraints(
            table: name, old: zip(old.checks, no.checks).map { (.check($0), Self.key($1), $1.notValid) },
            new: zip(new.checks, nn.checks).map { (.check($0), Self.key($1), $1.notValid) })

        let oldIndexes = Dictionary(zip(old.indexes, no.indexes).map { ($0.name ?? "", ($0, $1)) }) { a, _ in a }
        let newIndexes = Dictionary(zip(new.indexes, nn.indexes).map { ($0.name ?? "", ($0, $1)) }) { a, _ in a }
        for (index, normalized) in zip(new.indexes, nn.indexes) {
            if let (before, normalizedBefore) = oldIndexes[index.name ?? ""] {
                if Self.key(normalizedBefore) != Self.key(normalized) {
                    ops.append(.dropIndex(table: name, index: before))
                    ops.append(.createIndex(table: name, index: index))
                } else if normalizedBefore.comment != normalized.comment, let indexName = index.name {
                    ops.append(.setIndexComment(table: name, index: indexName, from: before.comment, to: index.comment))
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
        if no.sqlite != nn.sqlite {
            ops.append(.setSQLiteTableOptions(table: name, from: old.sqlite, to: new.sqlite))
        }
        return ops
    }

    /// Pairs constraints by definition (same name first): what is only in `old` is dropped, what is
    /// only in `new` is added; a pair whose names differ is renamed, and one that is `NOT VALID` in
    /// the database only is validated (the other way round, it is dropped and added `NOT VALID`).
    /// Each constraint comes with its comparison key and whether the dialect keeps it `NOT VALID`.
    private func matchConstraints(
        table: String, old: [(Constraint, String, Bool)], new: [(Constraint, String, Bool)]
    ) -> [MigrationOperation] {
        var remaining = old
        var ops: [MigrationOperation] = []
        var drops: [MigrationOperation] = []
        for (constraint, key, notValid) in new {
            let sameKey = remaining.indices.filter { remaining[$0].1 == key }
            guard let i = sameKey.first(where: { remaining[$0].0.name == constraint.name }) ?? sameKey.first else {
                ops.append(.addConstraint(table: table, constraint: constraint))
                continue
            }
            let (existing, _, existingNotValid) = remaining.remove(at: i)
            if !existingNotValid, notValid {
                drops.append(.dropConstraint(table: table, constraint: existing))
                ops.append(.addConstraint(table: table, constraint: constraint))
                continue
            }
            if let from = existing.name, let to = constraint.name, from != to {
                ops.append(.renameConstraint(table: table, from: from, to: to))
            }
            if existingNotValid, !notValid, let n = constraint.name ?? existing.name {
                ops.append(.validateConstraint(table: table, name: n))
            }
        }
        return drops + remaining.map { .dropConstraint(table: table, constraint: $0.0) } + ops
    }

    static func key(_ d: Deferrable?) -> String { d?.rawValue ?? "" }
    static func key(_ u: UniqueConstraint) -> String {
        [u.columns.joined(separator: "\u{2}"), key(u.deferrable), u.nullsNotDistinct ? "nnd" : ""].joined(separator: "\u{1}")
    }
    static func key(_ fk: ForeignKey) -> String {
        [fk.columns.joined(separator: "\u{2}"), fk.referencedTable, fk.referencedColumns.joined(separator: "\u{2}"),
         fk.onDelete.rawValue, fk.onUpdate.rawValue, key(fk.deferrable), fk.matchFull ? "full" : ""].joined(separator: "\u{1}")
    }
    static func key(_ c: CheckConstraint) -> String { c.expression + (c.noInherit ? "\u{1}noinherit" : "") }
    /// Everything that makes an index what it is, except its name and comment.
    static func key(_ i: Index) -> String {
        [i.keys.enumerated().map { n, k in
            let options = i.options(at: n)
            return (k.column.map { "c" + $0 } ?? "e" + k.displayName) + "\u{3}" + options.sql(postgres: true)
                + (options.collations[.sqlite].map { "\u{3}" + $0 } ?? "")
        }
            .joined(separator: "\u{2}"),
         i.unique ? "u" : "", i.predicate ?? "", i.method ?? "", i.include.joined(separator: "\u{2}"),
         i.storage.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{2}"), i.nullsNotDistinct ? "nnd" : ""]
            .joined(separator: "\u{1}")
    }
}
