/// Turns operations into PostgreSQL statements; enum types are created before the first column
/// that uses them and dropped after the last one goes.
struct PostgresRenderer {
    static let q = SQLText.quote
    /// The schema before the next operation.
    var schema: Schema
    /// Enum types that exist, with their values.
    var enums: [String: [String]]

    init(schema: Schema) {
        self.schema = schema
        self.enums = schema.enumTypes(on: .postgres)
    }

    mutating func render(_ op: MigrationOperation) throws -> [Statement] {
        // A renamed enum keeps its identity: move the bookkeeping along so it is not re-created.
        switch op {
        case .renameEnumType(let from, let to):
            enums[to] = enums.removeValue(forKey: from)
        case .renameEnumValue(let type, let from, let to, _):
            enums[type] = enums[type]?.map { $0 == from ? to : $0 }
        default:
            break
        }
        var before: [String] = []
        var after = Schema(tables: schema.tables)
        try after.apply(op)
        for (name, values) in after.enumTypes(on: .postgres).sorted(by: { $0.key < $1.key }) {
            guard let existing = enums[name] else {
                before.append("CREATE TYPE \(Self.q(name)) AS ENUM (\(values.map(SQLText.literal).joined(separator: ", ")))")
                enums[name] = values
                continue
            }
            if existing != values {
                let removed = existing.filter { !values.contains($0) }
                guard removed.isEmpty else {
                    throw ReplayError(
                        description: "enum type '\(name)' would lose value(s) \(removed.joined(separator: ", ")); PostgreSQL cannot drop enum values, write a hand-written revision")
                }
                for v in values where !existing.contains(v) {
                    before.append("ALTER TYPE \(Self.q(name)) ADD VALUE IF NOT EXISTS \(SQLText.literal(v))")
                }
                enums[name] = values
            }
        }
        var sql = before.map { Statement($0) } + (try Self.statements(for: op))
        let inUse = after.enumTypes(on: .postgres)
        for name in enums.keys.sorted() where inUse[name] == nil {
            sql.append(Statement("DROP TYPE \(Self.q(name))"))
            enums[name] = nil
        }
        schema = after
        return sql
    }

    static func statements(for op: MigrationOperation) throws -> [Statement] {
        if case .alterColumn(let t, let from, let to) = op { return alterColumn(t, from, to) }
        return try sql(for: op).map { Statement($0) }
    }

    static func sql(for op: MigrationOperation) throws -> [String] {
        switch op {
        case .createTable(let t):
            var sql = [createTable(t)] + t.indexes.map { createIndex($0, on: t.name) }
            if let c = t.comment { sql.append("COMMENT ON TABLE \(q(t.name)) IS \(SQLText.literal(c))") }
            for c in t.columns where c.comment != nil { sql.append(columnComment(t.name, c)) }
            return sql
        case .dropTable(let t):
            return ["DROP TABLE \(q(t.name))"]
        case .addColumn(let t, let c):
            return ["ALTER TABLE \(q(t)) ADD COLUMN \(columnSQL(c))"] + (c.comment != nil ? [columnComment(t, c)] : [])
        case .dropColumn(let t, let c):
            return ["ALTER TABLE \(q(t)) DROP COLUMN \(q(c.name))"]
        case .alterColumn:
            return []  // statements(for:) renders it, with its checks
        case .createIndex(let t, let i):
            return [createIndex(i, on: t)]
        case .dropIndex(_, let i):
            return ["DROP INDEX \(q(i.name ?? ""))"]
        case .addConstraint(let t, let c):
            return ["ALTER TABLE \(q(t)) ADD \(constraintSQL(c))"]
        case .dropConstraint(let t, let c):
            guard let name = c.name else { throw ReplayError(description: "cannot drop an unnamed \(c.kind) on '\(t)'") }
            return ["ALTER TABLE \(q(t)) DROP CONSTRAINT \(q(name))"]
        case .setTableComment(let t, _, let to):
            return ["COMMENT ON TABLE \(q(t)) IS \(to.map(SQLText.literal) ?? "NULL")"]
        case .renameTable(let from, let to):
            return ["ALTER TABLE \(q(from)) RENAME TO \(q(to))"]
        case .renameColumn(let t, let from, let to):
            return ["ALTER TABLE \(q(t)) RENAME COLUMN \(q(from)) TO \(q(to))"]
        case .renameIndex(_, let from, let to):
            return ["ALTER INDEX \(q(from)) RENAME TO \(q(to))"]
        case .renameConstraint(let t, let from, let to):
            return ["ALTER TABLE \(q(t)) RENAME CONSTRAINT \(q(from)) TO \(q(to))"]
        case .renameEnumType(let from, let to):
            return ["ALTER TYPE \(q(from)) RENAME TO \(q(to))"]
        case .renameEnumValue(let type, let from, let to, _):
            return ["ALTER TYPE \(q(type)) RENAME VALUE \(SQLText.literal(from)) TO \(SQLText.literal(to))"]
        case .backfill(let t, let c, let v):
            return ["UPDATE \(q(t)) SET \(q(c)) = \(PostgresDialect.defaultSQL(v)) WHERE \(q(c)) IS NULL"]
        case .execute(let raw):
            return raw.text(for: .postgres).map { [$0] } ?? []
        case .code:
            return []
        }
    }

    static func columnSQL(_ c: Column) -> String {
        var s = "\(q(c.name)) \(PostgresDialect.typeSQL(c))"
        if c.autoincrement { s += " GENERATED BY DEFAULT AS IDENTITY" }
        if !c.nullable { s += " NOT NULL" }
        if let d = c.defaultValue, !c.autoincrement { s += " DEFAULT \(PostgresDialect.defaultSQL(d))" }
        return s
    }

    static func columnComment(_ table: String, _ c: Column) -> String {
        "COMMENT ON COLUMN \(q(table)).\(q(c.name)) IS \(c.comment.map(SQLText.literal) ?? "NULL")"
    }

    static func constraintSQL(_ c: Constraint) -> String {
        let name = c.name.map { "CONSTRAINT \(q($0)) " } ?? ""
        switch c {
        case .primaryKey(let pk): return "\(name)PRIMARY KEY (\(SQLText.quoteList(pk.columns)))"
        case .unique(let u): return "\(name)UNIQUE (\(SQLText.quoteList(u.columns)))"
        case .check(let ck): return "\(name)CHECK (\(ck.expression))"
        case .foreignKey(let fk):
            var s = "\(name)FOREIGN KEY (\(SQLText.quoteList(fk.columns))) REFERENCES \(q(fk.referencedTable)) (\(SQLText.quoteList(fk.referencedColumns)))"
            if fk.onDelete != .noAction { s += " ON DELETE \(fk.onDelete.rawValue)" }
            if fk.onUpdate != .noAction { s += " ON UPDATE \(fk.onUpdate.rawValue)" }
            return s
        }
    }

    static func createTable(_ t: Table) -> String {
        let items = t.columns.map(columnSQL) + t.constraints.map(constraintSQL)
        return "CREATE TABLE \(q(t.name)) (\n    " + items.joined(separator: ",\n    ") + "\n)"
    }

    static func createIndex(_ index: Index, on table: String) -> String {
        var s = "CREATE \(index.unique ? "UNIQUE " : "")INDEX \(q(index.name ?? "")) ON \(q(table)) ("
        s += index.keys.map(SQLText.indexKey).joined(separator: ", ") + ")"
        if let p = index.predicate { s += " WHERE \(p)" }
        return s
    }

    /// Default dropped first (it may not cast), then type, default, nullability, identity, comment.
    /// A type change that could alter a value is preceded by a check that every existing value
    /// survives the conversion; rows with NULL are never filled in silently (see `.backfill`).
    static func alterColumn(_ table: String, _ from: Column, _ to: Column) -> [Statement] {
        let prefix = "ALTER TABLE \(q(table)) ALTER COLUMN \(q(to.name))"
        var sql: [Statement] = []
        let fromType = PostgresDialect.typeSQL(from), toType = PostgresDialect.typeSQL(to)
        let fromParsed = PostgresDialect.parseType(fromType), toParsed = PostgresDialect.parseType(toType)
        let typeChanges = fromType != toType && fromParsed != toParsed
        let fromDefault = from.autoincrement ? nil : from.defaultValue, toDefault = to.autoincrement ? nil : to.defaultValue
        let defaultChanges = fromDefault != toDefault || typeChanges
        if from.autoincrement, !to.autoincrement { sql.append(Statement("\(prefix) DROP IDENTITY IF EXISTS")) }
        if defaultChanges, fromDefault != nil { sql.append(Statement("\(prefix) DROP DEFAULT")) }
        if typeChanges {
            let column = q(from.name)
            let conversion = Self.conversion(column, from: fromParsed, fromSQL: fromType, to: toParsed, toSQL: toType)
            if !conversion.exact && !fromParsed.convertsLosslessly(to: toParsed) {
                let back = Self.conversion("(\(conversion.sql))", from: toParsed, fromSQL: toType, to: fromParsed, toSQL: fromType).sql
                sql.append(
                    .check(
                        "SELECT count(*) FROM \(q(table)) WHERE \(column) IS NOT NULL AND \(back) IS DISTINCT FROM \(column)",
                        failing: "cannot change \(table).\(from.name) from \(from.type.displayName) to \(to.type.displayName) without changing data; convert the values in a hand-written step first"))
            }
            sql.append(Statement("\(prefix) TYPE \(toType) USING \(conversion.sql)"))
        }
        if defaultChanges, let d = toDefault { sql.append(Statement("\(prefix) SET DEFAULT \(PostgresDialect.defaultSQL(d))")) }
        if from.nullable != to.nullable { sql.append(Statement("\(prefix) \(to.nullable ? "DROP" : "SET") NOT NULL")) }
        if !from.autoincrement, to.autoincrement { sql.append(Statement("\(prefix) ADD GENERATED BY DEFAULT AS IDENTITY")) }
        if from.comment != to.comment { sql.append(Statement(columnComment(table, to))) }
        return sql
    }

    /// The expression that converts `value` from one type to another; `exact` when it cannot change
    /// a value. Zoned and plain timestamps convert through UTC, never the session's time zone.
    static func conversion(_ value: String, from: ColumnType, fromSQL: String, to: ColumnType, toSQL: String)
        -> (sql: String, exact: Bool)
    {
        switch (from, to) {
        case (.timestamp(let a), .timestamp(let b)) where a != b:
            return ("\(value) AT TIME ZONE 'UTC'", true)
        case (.enumeration, _), (_, .enumeration):
            return ("\(value)::text::\(toSQL)", false)
        default:
            return ("\(value)::\(toSQL)", false)
        }
    }
}
