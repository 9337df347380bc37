import Foundation

/// PostgreSQL: the production dialect.
public struct PostgresDialect: Dialect {
    /// The PostgreSQL dialect.
    public init() {}

    public var name: DialectName { .postgres }

    /// A concurrent build killed part-way leaves an INVALID index: it is dropped (concurrently) and
    /// built again; a valid one means the step finished.
    public func resumeOutsideTransaction(_ operation: MigrationOperation, on db: any DatabaseConnection) throws -> Bool {
        guard case .createIndexConcurrently(_, let index) = operation, let name = index.name else { return false }
        let rows = try db.query(
            """
            SELECT i.indisvalid::int FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = $1
            """, [.text(name)])
        guard let valid = rows.first?.first else { return false }
        if valid.int == 1 { return true }
        try db.executeScript("DROP INDEX CONCURRENTLY IF EXISTS \(SQLText.quote(name))")
        return false
    }

    public func lockTimeout(on db: any DatabaseConnection) throws -> Int? {
        Int(try db.query("SELECT setting::bigint FROM pg_settings WHERE name = 'lock_timeout'").first?.first?.int ?? 0)
    }

    public func setLockTimeout(_ milliseconds: Int, on db: any DatabaseConnection) throws {
        try db.execute("SET lock_timeout = \(max(0, milliseconds))")
    }

    /// PostgreSQL renders every detail as written, but for SQLite-only ones (see `sqliteOnlyDetails`).
    public func portabilityNotes(_ operations: [MigrationOperation]) -> [String] { operations.sqliteOnlyDetails }

    public var traits: DialectTraits { DialectTraits(
            schemaObjects: true, referencedKeysArePinned: true, concurrentIndexBuilds: true) }

    /// The native type of a column.
    static func typeSQL(_ column: Column) -> String {
        if let native = column.nativeTypes[.postgres] { return native }
        switch column.type {
        case .smallint: return "smallint"
        case .integer: return "integer"
        case .bigint: return "bigint"
        case .text: return "text"
        case .string(let n): return "varchar(\(n))"
        case .boolean: return "boolean"
        case .real: return "real"
        case .double: return "double precision"
        case .decimal(let p, let s): return "numeric(\(p),\(s))"
        case .date: return "date"
        case .timestamp(let tz): return tz ? "timestamptz" : "timestamp"
        case .uuid: return "uuid"
        case .json: return "jsonb"
        case .blob: return "bytea"
        case .enumeration(let name, _): return SQLText.quote(name)
        case .native(let s): return s
        }
    }

    /// Reads a type as `format_type` (or a user) spells it.
    static func parseType(_ spelling: String) -> ColumnType {
        if spelling == "jsonb" { return .json }
        if let known = TypeNames.common(spelling) { return known }
        switch spelling.lowercased().trimmingCharacters(in: .whitespaces) {
        case "jsonb": return .json
        case "json": return .native("json")
        case "bytea": return .blob
        case "blob": return .native("blob")
        case "datetime": return .native("datetime")
        case "float": return .double
        default: return TypeNames.parse(spelling)
        }
    }


    /// A default as PostgreSQL reports it, with the casts it adds to literals removed. A literal of
    /// another date/time type than the column's keeps its cast: `timestamp '2024-01-01'` in a
    /// `timestamptz` column is read in the session's time zone when a row is inserted, which a
    /// `timestamptz` literal would not be.
    static func parseDefault(_ text: String, columnType: ColumnType? = nil) -> DefaultValue? {
        var e = SQLText.normalizeExpression(text)
        // 'x'::character varying, 'x'::text, '{}'::jsonb …: a literal with a cast.
        if e.hasPrefix("'"), let castRange = e.range(of: "'::", options: .backwards) {
            let literal = String(e[..<e.index(after: castRange.lowerBound)])
            let cast = e[castRange.upperBound...]
            if Self.quotesDoubled(literal.unicodeScalars.dropFirst().dropLast()),
                cast.allSatisfy({ $0.isLetter || $0.isNumber || " _(),[]".contains($0) }),
                !Self.castChangesMeaning(String(cast), columnType: columnType)
            {
                e = literal
            }
        }
        // (-1) for negative numbers.
        if e.hasPrefix("("), e.hasSuffix(")"), Double(e.dropFirst().dropLast()) != nil { e = String(e.dropFirst().dropLast()) }
        return DefaultValue.parse(sql: e)
    }

    /// True when every quote in a literal's body is doubled; scalar by scalar, since a quote that a
    /// combining mark follows is one Character that a Character-wise look would not see.
    static func quotesDoubled(_ body: Substring.UnicodeScalarView) -> Bool {
        var scalars = body.makeIterator()
        while let u = scalars.next() {
            if u == "'" { guard scalars.next() == "'" else { return false } }
        }
        return true
    }

    /// True when a literal's cast is a date/time type other than the column's own.
    static func castChangesMeaning(_ cast: String, columnType: ColumnType?) -> Bool {
        guard let columnType else { return false }
        let castName = cast.lowercased()
        guard ["timestamp", "time", "date", "interval"].contains(where: { castName.hasPrefix($0) }) else { return false }
        return parseType(cast) != columnType
    }

    public func placeholder(_ n: Int) -> String { "$\(n)" }

    /// The planner's estimates (one catalog query); a table never analyzed has none.
    public func tableRows(on db: any DatabaseConnection, tables: [String]) throws -> [String: Int64] {
        let sql = """
            SELECT c.relname AS "tableName", c.reltuples::bigint AS "rowCount"
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.reltuples >= 0
            """
        let rows = try CatalogRow.decode(try db.queryResult(sql, []), as: TableRowCount.self)
        return Dictionary(rows.map { ($0.tableName, $0.rowCount) }) { a, _ in a }
    }

    public func checkChange(table: String, from: Column, to: Column, dependents: [String]) throws {
        try PostgresChangeRules.check(table: table, from: from, to: to, dependents: dependents)
    }

    public func checkDrop(_ what: String, dependents: [String]) throws {
        try PostgresChangeRules.checkDrop(what, dependents: dependents)
    }

    /// A view's query compares in the server's spelling (the models' side was spelled by the
    /// server first), its column names folded into it as aliases.
    public func normalized(_ object: SchemaObject) -> SchemaObject {
        switch object {
        case .view(var v):
            v.query = v.query(for: .postgres).map { SQLText.normalizeExpression(PostgresObjectSQL.body($0)) }
            v.perDialect = [:]
            v.columns = []
            return .view(v)
        case .domain(var d):
            d.type = Self.typeSQL(Column("", Self.parseType(d.type)))
            d.defaultValue = d.defaultValue.map(SQLText.normalizeExpression)
            d.checks = d.checks.map { CheckConstraint($0.name, SQLText.normalizeExpression($0.expression)) }.sorted { ($0.name ?? "") < ($1.name ?? "") }
            return .domain(d)
        case .compositeType(var t):
            t.attributes = t.attributes.map { CompositeType.Attribute($0.name, Self.typeSQL(Column("", Self.parseType($0.type)))) }
            return .compositeType(t)
        case .function(var f):
            // The models' side was read back from the scratch schema when the server was there.
            f.language = f.language.lowercased()
            f.body = f.body.trimmingCharacters(in: .whitespacesAndNewlines)
            f.arguments = f.arguments.map { a in
                var a = a
                a.type = Self.typeSQL(Column("", Self.parseType(a.type)))
                a.defaultValue = a.defaultValue.map(SQLText.normalizeExpression)
                return a
            }
            f.returns = f.returns.map(SQLText.normalizeExpression)
            if f.kind == .procedure { f.returns = nil }
            return .function(f)
        case .aggregate(var a):
            a.arguments = a.arguments.map(FunctionSignature.typeName)
            a.stateType = Self.typeSQL(Column("", Self.parseType(a.stateType)))
            return .aggregate(a)
        case .materializedView(var m):
            m.query = SQLText.normalizeExpression(PostgresObjectSQL.body(m.query))
            m.indexes = Self.normalizedIndexes(m.indexes)
            return .materializedView(m)
        case .partition(let table, let parent, let p):
            return .partition(table: table, parent: parent, Self.normalized(p))
        case .extension:
            return object
        case .exclusion(let table, let x):
            return .exclusion(table: table, Self.normalized(x))
        case .policy(let table, var p):
            // The models' expressions were read back from the scratch schema when the server was there.
            p.using = p.using.map(SQLText.normalizeExpression)
            p.withCheck = p.withCheck.map(SQLText.normalizeExpression)
            p.roles = p.roles.filter { !SQLText.equalIgnoringASCIICase($0, "public") }.sorted()
            return .policy(table: table, p)
        case .trigger(let table, var t):
            // The models' `WHEN` was read back from the scratch schema when the server was there.
            t.when = t.when.map(SQLText.normalizeExpression)
            t.events = Trigger.Event.allCases.filter(t.events.contains)
            t.body = nil  // SQLite's
            t.sql = nil
            return .trigger(table: table, t)
        }
    }

    /// Indexes of their own (a materialized view's, a partition's) by name, expressions as text.
    static func normalizedIndexes(_ indexes: [Index]) -> [Index] {
        indexes.map { i in
            var i = i
            i.predicate = i.predicate.map(SQLText.normalizeExpression)
            i.keys = i.keys.map { if case .expression(let e) = $0 { .expression(SQLText.normalizeExpression(e)) } else { $0 } }
            return i
        }.sorted { ($0.name ?? "") < ($1.name ?? "") }
    }

    /// An exclusion constraint's expressions as text (the models' side spelled by the server first).
    static func normalized(_ x: ExclusionConstraint) -> ExclusionConstraint {
        var x = x
        x.method = x.method.lowercased()
        x.elements = x.elements.map { e in
            var e = e
            if case .expression(let text) = e.key { e.key = .expression(SQLText.normalizeExpression(text)) }
            e.operator = e.operator.trimmingCharacters(in: .whitespaces)
            return e
        }
        x.predicate = x.predicate.map(SQLText.normalizeExpression)
        return x
    }

    /// The key's expressions and the partitions' bounds as text (the models' side spelled by the
    /// server first), partitions by name.
    static func normalized(_ p: Partitioning) -> Partitioning {
        var p = p
        p.keys = p.keys.map { if case .expression(let e) = $0 { .expression(SQLText.normalizeExpression(e)) } else { $0 } }
        p.partitions = p.partitions.map(normalized).sorted { $0.name < $1.name }
        return p
    }

    static func normalized(_ p: Partition) -> Partition {
        var p = p
        p.bound = p.bound.mapValues(SQLText.normalizeExpression)
        p.indexes = normalizedIndexes(p.indexes)
        p.partitioning = p.partitioning.map(normalized)
        return p
    }

    public func normalized(_ table: Table) -> Table {
        var t = table
        t.partitioning = t.partitioning.map(Self.normalized)
        t.rowLevelSecurity = t.rowLevelSecurity.flatMap { $0.enabled || $0.forced ? $0 : nil }
        t.exclusionConstraints = t.exclusionConstraints.map(Self.normalized).sorted { $0.name < $1.name }
        t.policies = t.policies.compactMap { p in
            if case .policy(_, let n) = normalized(.policy(table: table.name, p)) { n } else { nil }
        }.sorted { $0.name < $1.name }
        let pk = Set(t.primaryKey?.columns ?? [])
        t.triggers = t.triggers.filter { $0.exists(on: .postgres) }.compactMap { trigger in
            if case .trigger(_, let n) = normalized(.trigger(table: table.name, trigger)) { n } else { nil }
        }
        t.sqlite = nil  // SQLite's storage options
        t.columns = t.columns.map { c in
            var c = c
            if case .enumeration = c.type, c.nativeTypes[.postgres] == nil {} else { c.type = Self.parseType(Self.typeSQL(c)) }
            if pk.contains(c.name) { c.nullable = false }
            c.nativeTypes = [:]
            c.collations = c.collations[.postgres].flatMap { $0 == "default" ? nil : [.postgres: $0] } ?? [:]
            if c.autoincrement || c.generated != nil { c.defaultValue = nil }
            c.autoincrementKind = c.autoincrementKind?.canonical(columnType: c.type)
            // PostgreSQL (before 18) stores every generated column.
            c.generated = c.generated.map { GeneratedColumn(SQLText.normalizeExpression($0.expression), stored: true) }
            c.defaultValue = c.defaultValue.map {
                Self.parseDefault($0.typed(for: c.type).spelled(.postgres), columnType: c.type)?.typed(for: c.type) ?? $0
            }
            return c
        }
        // Expressions compare as text: the models' side has been spelled by the server first (see
        // `PostgresCanonicalizer`), so equal meaning reads as equal text.
        t.checks = t.checks.map { c in
            var c = c
            c.expression = SQLText.normalizeExpression(c.expression)
            return c
        }
        t.indexes = t.indexes.map { i in
            var i = i
            // A key in its column's own collation names none.
            let options = i.keys.indices.map { n in
                var o = i.options(at: n)
                var collation = o.collations[.postgres]
                if let column = i.keys[n].column, collation == (t.column(column)?.collations[.postgres] ?? "default") { collation = nil }
                o.collations = collation.map { [.postgres: $0] } ?? [:]
                return o
            }
            i.keyOptions = options.allSatisfy(\.isDefault) ? [] : options
            i.predicate = i.predicate.map(SQLText.normalizeExpression)
            i.keys = i.keys.map { if case .expression(let e) = $0 { .expression(SQLText.normalizeExpression(e)) } else { $0 } }
            return i
        }
        return t
    }

    public func canonicalForms(of models: Schema, comparedWith current: Schema, on db: any DatabaseConnection) throws
        -> CanonicalForms
    {
        try PostgresCanonicalizer(db: db).canonicalTables(of: models, comparedWith: current)
    }

    /// PostgreSQL keeps (quoted) names exactly.
    public func spelling(_ schema: Schema, as other: Schema) -> Schema { schema }

    public func hasTable(_ name: String, in db: any DatabaseConnection) throws -> Bool {
        try !db.query(
            "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = $1", [.text(name)]
        ).isEmpty
    }

    public func introspect(_ db: any DatabaseConnection) throws -> Schema {
        try PostgresIntrospector(db: db).read()
    }

    public func render(_ operations: [MigrationOperation], from schema: Schema) throws -> [Statement] {
        var renderer = PostgresRenderer(schema: schema)
        return try operations.flatMap { try renderer.render($0) }
    }

    /// A check as a `DO` block that raises the check's message when the count is above zero.
    public func scriptSQL(_ statement: Statement) -> String {
        guard let message = statement.failureMessage else { return statement.sql }
        let body = """
            #variable_conflict use_column
            DECLARE retort_rows bigint;
            BEGIN
              BEGIN
                retort_rows := (\(statement.sql));
              EXCEPTION WHEN others THEN
                RAISE EXCEPTION '%: %', \(SQLText.literal(message)), SQLERRM;
              END;
              IF retort_rows > 0 THEN
                RAISE EXCEPTION '%: % row(s) %', \(SQLText.literal(message)), retort_rows, \(SQLText.literal(statement.countedRows));
              END IF;
            END
            """
        return "DO \(SQLText.literal(body))"
    }

    public var beforeTransaction: [String] { [] }
    public var afterTransaction: [String] { [] }
    public var beginTransaction: String { "BEGIN" }
    public func verifyBeforeCommit(_ db: any DatabaseConnection) throws {}

    /// The advisory-lock key: the same for every Retort process on a database and schema.
    static let lockKey = "hashtext('retort:' || current_database() || ':' || current_schema())"

    /// Holds a session advisory lock for the whole run, so concurrent upgrades queue up. A waiting
    /// run polls with `pg_try_advisory_lock` outside any transaction, so it holds no snapshot that a
    /// concurrent index build of the lock holder would wait for; it gives up after the session's
    /// `lock_timeout` (0: waits as long as it takes).
    public func lock(_ db: any DatabaseConnection) throws {
        let timeout = try lockTimeout(on: db) ?? 0
        let start = Date()
        var pause: UInt32 = 5_000
        while try db.query("SELECT pg_try_advisory_lock(\(Self.lockKey))").first?.first?.int != 1 {
            if timeout > 0, Date().timeIntervalSince(start) * 1000 >= Double(timeout) {
                throw DatabaseError(
                    "timed out after \(timeout) ms waiting for Retort's migration lock (a PostgreSQL advisory lock held by another migrate run on this database and schema)",
                    code: DatabaseError.migrationLockBusy)
            }
            usleep(pause)
            pause = min(pause * 2, 200_000)
        }
    }

    public func unlock(_ db: any DatabaseConnection) throws {
        try db.execute("SELECT pg_advisory_unlock(\(Self.lockKey))")
    }
}
