/// Turns operations into SQLite statements, rebuilding a table where SQLite cannot ALTER it.
struct SQLiteRenderer {
    /// The schema as it stands before the next operation.
    var schema: Schema

    mutating func render(_ operations: [MigrationOperation]) throws -> [Statement] {
        var out: [String] = []
        var i = 0
        while i < operations.count {
            let op = operations[i]
            if let tableName = op.tableName, needsRebuild(op) {
                // Fold the following operations on the same table into one rebuild.
                guard let old = schema.table(tableName) else { throw ReplayError(description: "table '\(tableName)' does not exist") }
                var j = i
                while j < operations.count, operations[j].tableName == tableName, Self.isTableLocal(operations[j]) {
                    try schema.apply(operations[j])
                    j += 1
                }
                out += rebuild(from: old, to: schema.table(tableName)!)
                i = j
                continue
            }
            out += try statements(for: op)
            try schema.apply(op)
            i += 1
        }
        return out.map { Statement($0) }
    }

    private static func isTableLocal(_ op: MigrationOperation) -> Bool {
        switch op {
        case .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex, .addConstraint, .dropConstraint,
            .setTableComment:
            return true
        default:
            return false
        }
    }

    private func needsRebuild(_ op: MigrationOperation) -> Bool {
        switch op {
        case .alterColumn(_, let from, let to):
            return SQLiteDialect().normalized(Table(name: "", columns: [from])).columns
                != SQLiteDialect().normalized(Table(name: "", columns: [to])).columns || from.autoincrement != to.autoincrement
        case .addConstraint, .dropConstraint:
            return true
        case .addColumn(_, let column):
            guard let d = column.defaultValue else { return !column.nullable }
            switch d {
            case .currentTimestamp, .currentDate, .expression: return true
            default: return false
            }
        case .dropColumn(let tableName, let column):
            guard let table = schema.table(tableName) else { return false }
            let used = table.constraints.flatMap(\.columns) + table.indexes.flatMap(\.columns)
            let inCheck = table.checks.contains { $0.expression.contains(column.name) }
            let referenced = schema.tables.contains { other in
                other.foreignKeys.contains { $0.referencedTable == tableName && $0.referencedColumns.contains(column.name) }
            }
            return used.contains(column.name) || inCheck || referenced
        default:
            return false
        }
    }

    private func statements(for op: MigrationOperation) throws -> [String] {
        let q = SQLText.quote
        switch op {
        case .createTable(let t):
            return [Self.createTable(t, as: t.name)] + t.indexes.map { Self.createIndex($0, on: t.name) }
        case .dropTable(let t):
            return ["DROP TABLE \(q(t.name))"]
        case .addColumn(let t, let c):
            return ["ALTER TABLE \(q(t)) ADD COLUMN \(Self.columnSQL(c, in: Table(name: t)))"]
        case .dropColumn(let t, let c):
            return ["ALTER TABLE \(q(t)) DROP COLUMN \(q(c.name))"]
        case .alterColumn, .setTableComment:
            return []  // only comments changed: SQLite keeps none
        case .createIndex(let t, let index):
            return [Self.createIndex(index, on: t)]
        case .dropIndex(_, let index):
            return ["DROP INDEX \(q(index.name ?? ""))"]
        case .addConstraint, .dropConstraint:
            return []  // handled by a rebuild
        case .execute(let raw):
            return raw.text(for: .sqlite).map { [$0] } ?? []
        case .code:
            return []
        }
    }

    /// The SQLite procedure for changes ALTER TABLE cannot make: create the new table, copy the rows,
    /// drop the old table, rename, then restore indexes and triggers.
    private func rebuild(from old: Table, to new: Table) -> [String] {
        let q = SQLText.quote
        let temporary = "_retort_new_" + new.name
        let shared = new.columns.filter { old.column($0.name) != nil }
        let targets = shared.map { q($0.name) }.joined(separator: ", ")
        let sources = shared.map { column -> String in
            let before = old.column(column.name)!
            if before.nullable, !column.nullable, let d = column.defaultValue {
                return "COALESCE(\(q(column.name)), \(SQLiteDialect.defaultSQL(d)))"
            }
            return q(column.name)
        }.joined(separator: ", ")
        var sql = [Self.createTable(new, as: temporary)]
        if !shared.isEmpty {
            sql.append("INSERT INTO \(q(temporary)) (\(targets)) SELECT \(sources) FROM \(q(old.name))")
        }
        sql.append("DROP TABLE \(q(old.name))")
        sql.append("PRAGMA legacy_alter_table = ON")
        sql.append("ALTER TABLE \(q(temporary)) RENAME TO \(q(new.name))")
        sql.append("PRAGMA legacy_alter_table = OFF")
        sql += new.indexes.map { Self.createIndex($0, on: new.name) }
        sql += new.triggers.map(\.sql)
        return sql
    }

    static func createTable(_ t: Table, as name: String) -> String {
        let q = SQLText.quote
        var items = t.columns.map { columnSQL($0, in: t) }
        let inlinePK = t.columns.contains { $0.autoincrement }
        if let pk = t.primaryKey, !inlinePK {
            items.append("\(constraintName(pk.name))PRIMARY KEY (\(SQLText.quoteList(pk.columns)))")
        }
        for u in t.uniqueConstraints {
            items.append("\(constraintName(u.name))UNIQUE (\(SQLText.quoteList(u.columns)))")
        }
        for fk in t.foreignKeys {
            var s = "\(constraintName(fk.name))FOREIGN KEY (\(SQLText.quoteList(fk.columns))) REFERENCES \(q(fk.referencedTable)) (\(SQLText.quoteList(fk.referencedColumns)))"
            if fk.onDelete != .noAction { s += " ON DELETE \(fk.onDelete.rawValue)" }
            if fk.onUpdate != .noAction { s += " ON UPDATE \(fk.onUpdate.rawValue)" }
            items.append(s)
        }
        for c in t.checks {
            items.append("\(constraintName(c.name))CHECK (\(c.expression))")
        }
        return "CREATE TABLE \(q(name)) (\n    " + items.joined(separator: ",\n    ") + "\n)"
    }

    private static func constraintName(_ name: String?) -> String {
        name.map { "CONSTRAINT \(SQLText.quote($0)) " } ?? ""
    }

    static func columnSQL(_ c: Column, in table: Table) -> String {
        var s = "\(SQLText.quote(c.name)) \(SQLiteDialect.typeSQL(c))"
        let inPK = table.primaryKey?.columns.contains(c.name) ?? false
        if !c.nullable || inPK { s += " NOT NULL" }
        if c.autoincrement {
            s += " \(constraintName(table.primaryKey?.name))PRIMARY KEY AUTOINCREMENT"
        }
        if let d = c.defaultValue { s += " DEFAULT \(SQLiteDialect.defaultSQL(d))" }
        return s
    }

    static func createIndex(_ index: Index, on table: String) -> String {
        var s = "CREATE \(index.unique ? "UNIQUE " : "")INDEX \(SQLText.quote(index.name ?? "")) ON \(SQLText.quote(table)) ("
        s += index.columns.map { $0.hasPrefix("(") ? $0 : SQLText.quote($0) }.joined(separator: ", ") + ")"
        if let p = index.predicate { s += " WHERE \(p)" }
        return s
    }
}
