/// Columns: added, dropped, or changed in anything (type, nullability, default, identity, comment,
/// generation, collation); compared as whole normalized values.
enum ColumnComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        let name = pair.name
        var ops: [MigrationOperation] = []
        for column in pair.new.columns {
            guard var before = pair.old.column(column.name) else {
                // A new NOT NULL column with no default takes the model's backfill value in the
                // existing rows: added nullable, filled, then made NOT NULL.
                if !column.nullable, column.defaultValue == nil, column.generated == nil, !column.autoincrement,
                   let value = pair.backfills[column.name] {
                    var loose = column
                    loose.nullable = true
                    ops += [.addColumn(table: name, column: loose), .backfill(table: name, column: column.name, value: value.typed(for: column.type)),
                            .alterColumn(table: name, from: loose, to: column)]
                } else {
                    ops.append(.addColumn(table: name, column: column))
                }
                continue
            }
            let existing = pair.normalizedOld.column(column.name)
            var wanted = pair.normalizedNew.column(column.name)
            // A model that says only "autoincrement" matches a serial and an identity column alike.
            if let w = wanted, w.autoincrement, w.autoincrementKind == nil, before.autoincrement {
                wanted?.autoincrementKind = existing?.autoincrementKind
            }
            guard existing != wanted else { continue }
            // A generation expression equal in meaning is the models' text: it is not changed.
            if existing?.generated == wanted?.generated { before.generated = column.generated }
            try pair.dialect.checkChange(
                table: name, from: before, to: column, dependents: pair.dependents[ColumnReference(name, column.name)] ?? [])
            // NULL rows are filled only with the value the model names for them.
            if before.nullable, !column.nullable, let value = pair.backfills[column.name] {
                ops.append(.backfill(table: name, column: column.name, value: value.typed(for: column.type)))
            }
            ops.append(.alterColumn(table: name, from: before, to: column))
        }
        for column in pair.old.columns where pair.new.column(column.name) == nil {
            try pair.dialect.checkDrop(
                "column \(name).\(column.name)", dependents: pair.dependents[ColumnReference(name, column.name)] ?? [])
            ops.append(.dropColumn(table: name, column: column))
        }
        return ops
    }
}
