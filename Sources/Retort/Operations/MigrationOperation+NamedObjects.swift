extension Array where Element == MigrationOperation {
    /// The tables, columns and indexes these operations name, as a schema of names only (for
    /// `Dialect.spelling`).
    public var namedObjects: Schema {
        var tables: [String: Table] = [:]
        func note(_ table: String, columns: [String] = [], indexes: [String] = []) {
            var t = tables[table] ?? Table(name: table)
            for c in columns where t.column(c) == nil { t.columns.append(Column(c, .text)) }
            for i in indexes where !t.indexes.contains(where: { $0.name == i }) { t.indexes.append(Retort.Index([String](), name: i)) }
            tables[table] = t
        }
        for op in self {
            switch op {
            case .createTable(let t), .dropTable(let t):
                note(t.name, columns: t.columns.map(\.name), indexes: t.indexes.compactMap(\.name))
            case .addColumn(let t, let c), .dropColumn(let t, let c): note(t, columns: [c.name])
            case .alterColumn(let t, let c, _): note(t, columns: [c.name])
            case .createIndex(let t, let i), .dropIndex(let t, let i), .createIndexConcurrently(let t, let i),
                .dropIndexConcurrently(let t, let i):
                note(t, columns: i.columns, indexes: i.name.map { [$0] } ?? [])
            case .renameColumn(let t, let from, _): note(t, columns: [from])
            case .renameIndex(let t, let from, _): note(t, indexes: [from])
            case .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions, .renameTable, .renameConstraint,
                .renameEnumType, .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType,
                .createSequence, .dropSequence, .alterSequence, .setIndexComment, .validateConstraint, .backfill,
                .batchedUpdate, .expect, .execute, .code, .createObject, .dropObject, .replaceObject, .recreateObject:
                if let t = op.tableName { note(t) }
            }
        }
        return Schema(tables: tables.keys.sorted().map { tables[$0]! })
    }
}
