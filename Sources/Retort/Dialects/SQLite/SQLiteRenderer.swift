/// Turns operations into SQLite statements, rebuilding a table where SQLite cannot ALTER it.
struct SQLiteRenderer {
    /// The schema as it stands before the next operation.
    var schema: Schema

    mutating func render(_ operations: [MigrationOperation]) throws -> [Statement] {
        var out: [Statement] = []
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
            if case .renameEnumValue(_, let from, let to, let columns) = op {
                out += try renameEnumValue(op, from: from, to: to, columns: columns)
            } else if case .expect(let e) = op {
                out.append(e.statement)
            } else {
                out += try statements(for: op).map { Statement($0) }
                try schema.apply(op)
            }
            i += 1
        }
        return out
    }

    /// Enums are text on SQLite: renaming a value updates the stored rows, and a table whose
    /// default names the value is rebuilt with the new default.
    private mutating func renameEnumValue(_ op: MigrationOperation, from: String, to: String, columns: [ColumnReference]) throws
        -> [Statement]
    {
        let q = SQLText.quote
        var out = columns.map { ref in
            Statement("UPDATE \(q(ref.table)) SET \(q(ref.column)) = \(SQLText.literal(to)) WHERE \(q(ref.column)) = \(SQLText.literal(from))")
        }
        let before = schema
        try schema.apply(op)
        for name in Set(columns.map(\.table)).sorted() {
            if let old = before.table(name), let new = schema.table(name), old != new { out += rebuild(from: old, to: new) }
        }
        return out
    }

    private static func isTableLocal(_ op: MigrationOperation) -> Bool {
        switch op {
        case .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex, .createIndexConcurrently, .dropIndexConcurrently,
            .addConstraint, .dropConstraint,
            .setTableComment, .setRowLevelSecurity, .renameIndex, .renameConstraint, .setSQLiteTableOptions:
            return true
        case .createTable, .dropTable, .renameTable, .renameColumn, .renameEnumType, .renameEnumValue, .createEnumType,
            .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence, .dropSequence, .alterSequence, .setIndexComment,
            .validateConstraint, .backfill, .batchedUpdate, .expect, .execute, .code, .createObject, .dropObject,
            .replaceObject, .recreateObject:
            return false
        }
    }

    /// True when SQLite cannot ALTER this and the table is rebuilt (lint rule RT401 asks too).
    func needsRebuild(_ op: MigrationOperation) -> Bool {
        switch op {
        case .alterColumn(let t, let from, let to):
            let options = schema.table(t)?.sqlite
            return SQLiteDialect().normalized(Table(name: "", columns: [from], sqlite: options)).columns
                != SQLiteDialect().normalized(Table(name: "", columns: [to], sqlite: options)).columns || from.autoincrement != to.autoincrement
        case .setSQLiteTableOptions(_, let from, let to):
            return from != to
        case .addConstraint, .dropConstraint, .renameConstraint:
            return true  // constraint names live in the CREATE TABLE text
        case .addColumn(_, let column):
            // ALTER TABLE can add a virtual generated column, never a stored one.
            if let g = column.generated { return g.stored || !column.nullable }
            guard let d = column.defaultValue else { return !column.nullable }
            switch d {
            case .currentTimestamp, .currentDate, .expression: return true
            case .string, .integer, .number, .boolean: return false
            }
        case .dropColumn(let tableName, let column):
            guard let table = schema.table(tableName) else { return false }
            let used = table.constraints.flatMap(\.columns) + table.indexes.flatMap(\.columns)
            let inCheck = table.checks.contains { $0.expression.contains(column.name) }
                || table.columns.contains { $0.generated.map { SQLText.mentions($0.expression, column.name) } == true }
            let referenced = schema.tables.contains { other in
                other.foreignKeys.contains { $0.referencedTable == tableName && $0.referencedColumns.contains(column.name) }
            }
            return used.contains(column.name) || inCheck || referenced
        case .createTable, .dropTable, .createIndex, .dropIndex, .createIndexConcurrently, .dropIndexConcurrently,
            .setTableComment, .setRowLevelSecurity, .renameTable, .renameColumn, .renameIndex, .renameEnumType, .renameEnumValue, .createEnumType,
            .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence, .dropSequence, .alterSequence, .setIndexComment,
            .validateConstraint, .backfill, .batchedUpdate, .expect, .execute, .code, .createObject, .dropObject,
            .replaceObject, .recreateObject:
            return false
        }
    }

    private func statements(for op: MigrationOperation) throws -> [String] {
        let q = SQLText.quote
        switch op {
        case .createTable(let t):
            return [Self.createTable(t, as: t.name)] + t.indexes.map { Self.createIndex($0, on: t.name) }
                + t.triggers.flatMap { Self.create(.trigger(table: t.name, $0)) }
        case .dropTable(let t):
            return ["DROP TABLE \(q(t.name))"]
        case .addColumn(let t, let c):
            return ["ALTER TABLE \(q(t)) ADD COLUMN \(Self.columnSQL(c, in: Table(name: t, sqlite: schema.table(t)?.sqlite)))"]
        case .dropColumn(let t, let c):
            return ["ALTER TABLE \(q(t)) DROP COLUMN \(q(c.name))"]
        case .alterColumn, .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions:
            return []  // only comments changed: SQLite keeps none (options: a rebuild)
        case .createIndex(let t, let index):
            return [Self.createIndex(index, on: t)]
        case .dropIndex(_, let index):
            return ["DROP INDEX \(q(index.name ?? ""))"]
        case .createIndexConcurrently(let t, let index):  // SQLite has no concurrent build: the plain one, idempotent
            return [Self.createIndex(index, on: t, ifNotExists: true)]
        case .dropIndexConcurrently(_, let index):
            return ["DROP INDEX IF EXISTS \(q(index.name ?? ""))"]
        case .addConstraint, .dropConstraint, .renameConstraint:
            return []  // handled by a rebuild
        case .renameTable(let from, let to):
            // With legacy_alter_table off, SQLite rewrites the foreign keys that point to the table.
            return ["ALTER TABLE \(q(from)) RENAME TO \(q(to))"]
        case .renameColumn(let t, let from, let to):
            return ["ALTER TABLE \(q(t)) RENAME COLUMN \(q(from)) TO \(q(to))"]
        case .renameIndex(let t, let from, let to):
            // SQLite cannot rename an index: it is dropped and built again under the new name.
            guard var index = schema.table(t)?.indexes.first(where: { $0.name == from }) else {
                throw ReplayError(description: "index '\(from)' does not exist on '\(t)'")
            }
            index.name = to
            return ["DROP INDEX \(q(from))", Self.createIndex(index, on: t)]
        case .renameEnumType, .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType:
            return []  // enums are text on SQLite
        case .batchedUpdate(let u):
            return ["UPDATE \(q(u.table)) SET \(u.assignmentsSQL)\(u.condition.map { " WHERE \($0)" } ?? "")"]
        case .expect:
            return []  // render(_:) writes it as a check
        case .createSequence, .dropSequence, .alterSequence, .setIndexComment, .validateConstraint:
            return []  // SQLite has no sequences, index comments or unvalidated constraints
        case .renameEnumValue:
            return []  // render(_:) hands it to renameEnumValue(_:from:to:columns:)
        case .backfill(let t, let c, let v):
            return ["UPDATE \(q(t)) SET \(q(c)) = \(v.spelled(.sqlite)) WHERE \(q(c)) IS NULL"]
        case .execute(let raw):
            return raw.text(for: .sqlite).map { [$0] } ?? []
        case .code:
            return []
        case .createObject(let o):
            return Self.create(o)
        case .dropObject(let o):
            return Self.drop(o)
        case .replaceObject(let from, let to), .recreateObject(let from, let to):
            // SQLite replaces nothing in place; what refers to the object by name finds the new one.
            return Self.drop(from) + Self.create(to)
        }
    }

    /// `CREATE VIEW …`; nothing for a view with no SQLite query.
    static func create(_ object: SchemaObject) -> [String] {
        switch object {
        case .view(let v):
            guard let query = v.query(for: .sqlite) else { return [] }
            let columns = v.columns.isEmpty ? "" : " (" + v.columns.map(SQLText.quote).joined(separator: ", ") + ")"
            return ["CREATE VIEW \(SQLText.quote(v.name))\(columns) AS \(PostgresObjectSQL.body(query))"]
        case .trigger(let table, let t):
            guard t.exists(on: .sqlite) else { return [] }
            if let sql = t.sql { return [sql] }
            let q = SQLText.quote
            let event = t.events[0].rawValue.uppercased() + (t.updateOf.isEmpty ? "" : " OF " + t.updateOf.map(q).joined(separator: ", "))
            var sql = "CREATE TRIGGER \(q(t.name)) \(t.timing.sql) \(event) ON \(q(table))"
            if let w = t.when { sql += " WHEN \(w)" }
            var body = (t.body ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !body.hasSuffix(";") { body += ";" }
            return [sql + "\nBEGIN\n" + body + "\nEND"]
        case .domain, .compositeType, .function, .aggregate, .materializedView, .partition, .policy, .extension, .exclusion:
            return []  // SQLite has none of these; columns that use a type take their portable type
        }
    }

    /// `DROP VIEW …`; nothing for a view with no SQLite query.
    static func drop(_ object: SchemaObject) -> [String] {
        switch object {
        case .view(let v): return v.query(for: .sqlite) == nil ? [] : ["DROP VIEW \(SQLText.quote(v.name))"]
        case .trigger(_, let t): return t.exists(on: .sqlite) ? ["DROP TRIGGER \(SQLText.quote(t.name))"] : []
        case .domain, .compositeType, .function, .aggregate, .materializedView, .partition, .policy, .extension, .exclusion: return []
        }
    }

    /// The SQLite procedure for changes ALTER TABLE cannot make: create the new table, copy the rows,
    /// drop the old table, rename, then restore indexes and triggers. Where a column's type affinity
    /// changes, SQLite would convert values as they are copied ('007' into an INTEGER column becomes
    /// 7): a check compares every copied value with the original and stops the revision if one changed.
    private func rebuild(from old: Table, to new: Table) -> [Statement] {
        let users = schema.catalog.dependents(of: ObjectID(.table, old.name)).compactMap { schema.catalog.objects[$0]?.object }
        return users.reversed().flatMap(Self.drop).map { Statement($0) } + rebuildTable(from: old, to: new)
            + users.flatMap { object in Self.create(object).map { Statement($0) } + [Self.stillWorks(object, after: new.name)] }
    }

    /// A check that a view created again after a rebuild of `table` still reads (SQLite does not
    /// check a view's query when it is created).
    static func stillWorks(_ object: SchemaObject, after table: String) -> Statement {
        .check(
            "SELECT count(*) FROM (SELECT * FROM \(SQLText.quote(object.name)) LIMIT 0)",
            failing: "\(object.id) no longer works after \(table) is rebuilt; change it in the models too")
    }

    private func rebuildTable(from old: Table, to new: Table) -> [Statement] {
        let q = SQLText.quote
        let temporary = "_retort_new_" + new.name
        // Generated columns are computed, never copied into.
        let shared = new.columns.filter { old.column($0.name) != nil && $0.generated == nil }
        let converted = shared.filter { column in
            SQLiteDialect.affinity(SQLiteDialect.typeSQL(old.column(column.name)!, strict: old.isStrict))
                != SQLiteDialect.affinity(SQLiteDialect.typeSQL(column, strict: new.isStrict))
        }
        // The rowid is copied too when values are compared, so old and new rows can be paired; a
        // table without one pairs them by the new table's primary key.
        let withoutRowID = [old, new].contains { $0.sqlite?.contains(.withoutRowID) == true }
        let key = (new.primaryKey?.columns ?? []).filter { old.column($0) != nil }.map(q)
        let pairing = withoutRowID && !key.isEmpty ? key : ["rowid"]
        let keepRowid = converted.isEmpty || withoutRowID ? [] : ["rowid"]
        let targets = (keepRowid + shared.map { q($0.name) }).joined(separator: ", ")
        var sql = [Statement(Self.createTable(new, as: temporary))]
        if !shared.isEmpty {
            sql.append(Statement("INSERT INTO \(q(temporary)) (\(targets)) SELECT \(targets) FROM \(q(old.name))"))
        }
        for column in converted {
            let (o, n) = ("o.\(q(column.name))", "n.\(q(column.name))")
            let numeric = "typeof(\(o)) IN ('integer', 'real') AND typeof(\(n)) IN ('integer', 'real')"
            sql.append(
                .check(
                    """
                    SELECT count(*) FROM \(q(old.name)) AS o JOIN \(q(temporary)) AS n ON \(pairing.map { "n.\($0) = o.\($0)" }.joined(separator: " AND ")) \
                    WHERE CASE WHEN \(numeric) THEN \(n) <> \(o) ELSE CAST(\(n) AS TEXT) IS NOT CAST(\(o) AS TEXT) END
                    """,
                    failing: "cannot change \(new.name).\(column.name) from \(old.column(column.name)!.type.displayName) to \(column.type.displayName) without changing data; convert the values in a hand-written step first"))
        }
        sql.append(Statement("DROP TABLE \(q(old.name))"))
        let rest = [
            "PRAGMA legacy_alter_table = ON", "ALTER TABLE \(q(temporary)) RENAME TO \(q(new.name))", "PRAGMA legacy_alter_table = OFF",
        ] + new.indexes.map { Self.createIndex($0, on: new.name) } + new.triggers.flatMap { Self.create(.trigger(table: new.name, $0)) }
        return sql + rest.map { Statement($0) }
    }

    static func createTable(_ t: Table, as name: String) -> String {
        let q = SQLText.quote
        var items = t.columns.map { columnSQL($0, in: t) }
        let inlinePK = t.columns.contains { isAutoincrementKey($0, in: t) }
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
            if let d = fk.deferrable { s += " " + d.sql }  // SQLite keeps deferrable foreign keys
            items.append(s)
        }
        for c in t.checks {
            items.append("\(constraintName(c.name))CHECK (\(c.expression))")
        }
        // SQLite needs a column: a table with none holds a placeholder that introspection skips.
        if t.columns.isEmpty { items.insert("\(q(SQLiteDialect.placeholderColumn)) INTEGER", at: 0) }
        return "CREATE TABLE \(q(name)) (\n    " + items.joined(separator: ",\n    ") + "\n)" + (t.sqlite.map { " " + $0.sql } ?? "")
    }

    private static func constraintName(_ name: String?) -> String {
        name.map { "CONSTRAINT \(SQLText.quote($0)) " } ?? ""
    }

    static func columnSQL(_ c: Column, in table: Table) -> String {
        var s = "\(SQLText.quote(c.name)) \(SQLiteDialect.typeSQL(c, strict: table.isStrict))"
        if let collation = c.collations[.sqlite] { s += " COLLATE \(SQLText.quote(collation))" }
        let inPK = table.primaryKey?.columns.contains(c.name) ?? false
        if !c.nullable || inPK { s += " NOT NULL" }
        if let g = c.generated { return s + " " + g.sql(stored: g.stored) }
        if isAutoincrementKey(c, in: table) {
            s += " \(constraintName(table.primaryKey?.name))PRIMARY KEY AUTOINCREMENT"
        }
        if let d = c.defaultValue, !d.isSequenceValue { s += " DEFAULT \(d.spelled(.sqlite))" }
        return s
    }

    /// SQLite generates values only for a single-column INTEGER primary key; an identity column
    /// elsewhere (PostgreSQL) is a plain column here.
    static func isAutoincrementKey(_ c: Column, in table: Table) -> Bool {
        c.autoincrement && table.primaryKey?.columns == [c.name] && table.sqlite?.contains(.withoutRowID) != true
    }

    static func createIndex(_ index: Index, on table: String, ifNotExists: Bool = false) -> String {
        var s = "CREATE \(index.unique ? "UNIQUE " : "")INDEX \(ifNotExists ? "IF NOT EXISTS " : "")\(SQLText.quote(index.name ?? "")) ON \(SQLText.quote(table)) ("
        s += index.keys.enumerated().map { SQLText.indexKey($1) + index.options(at: $0).sql(postgres: false) }.joined(separator: ", ") + ")"
        if let p = index.predicate { s += " WHERE \(p)" }
        return s
    }
}
