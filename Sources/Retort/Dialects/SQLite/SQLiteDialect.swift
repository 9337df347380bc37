/// SQLite: the embedded default dialect.
public struct SQLiteDialect: Dialect {
    /// The SQLite dialect.
    public init() {}

    public var name: DialectName { .sqlite }

    /// Every SQLite step runs in a transaction of its own: nothing is left half-done.
    public func resumeOutsideTransaction(_ operation: MigrationOperation, on db: any DatabaseConnection) throws -> Bool { false }

    /// SQLite waits for its write lock through the busy timeout, set once per connection.
    public func lockTimeout(on db: any DatabaseConnection) throws -> Int? { nil }
    public func setLockTimeout(_ milliseconds: Int, on db: any DatabaseConnection) throws {}

    /// PostgreSQL-only details, rendered in SQLite's nearest form.
    public func portabilityNotes(_ operations: [MigrationOperation]) -> [String] { operations.postgresOnlyDetails }

    public var traits: DialectTraits { DialectTraits(
            schemaObjects: false, referencedKeysArePinned: false, concurrentIndexBuilds: false) }

    /// The column a table with no columns holds on SQLite, which needs one; never read back.
    static let placeholderColumn = "_retort_no_columns"

    /// The type spelling SQLite stores for a column (its declared type); in a `STRICT` table, the
    /// nearest type such a table accepts.
    static func typeSQL(_ column: Column, strict: Bool = false) -> String {
        if let native = column.nativeTypes[.sqlite] { return native }
        if column.autoincrement, column.type.isInteger { return "INTEGER" }
        if strict {
            switch column.type {
            case .smallint, .integer, .bigint, .boolean: return "INTEGER"
            case .real, .double: return "REAL"
            case .blob: return "BLOB"
            case .native(let s): return s
            default: return "TEXT"
            }
        }
        switch column.type {
        case .smallint: return "SMALLINT"
        case .integer: return "INTEGER"
        case .bigint: return "BIGINT"
        case .text: return "TEXT"
        case .string(let n): return "VARCHAR(\(n))"
        case .boolean: return "BOOLEAN"
        case .real: return "REAL"
        case .double: return "DOUBLE PRECISION"
        case .decimal(let p, let s): return "NUMERIC(\(p), \(s))"
        case .date: return "DATE"
        case .timestamp(let tz): return tz ? "TIMESTAMPTZ" : "TIMESTAMP"
        case .uuid: return "UUID"
        case .json: return "JSON"
        case .blob: return "BLOB"
        case .enumeration: return "TEXT"
        case .native(let s): return s
        }
    }

    /// SQLite's type affinity for a declared type (section 3.1 of SQLite's datatype rules).
    static func affinity(_ declared: String) -> String {
        let t = declared.uppercased()
        if t.contains("INT") { return "INTEGER" }
        if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") { return "TEXT" }
        if t.contains("BLOB") || t.isEmpty { return "BLOB" }
        if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") { return "REAL" }
        return "NUMERIC"
    }


    public func placeholder(_ n: Int) -> String { "?" }

    /// Exact counts of the tables named that exist (one query).
    public func tableRows(on db: any DatabaseConnection, tables: [String]) throws -> [String: Int64] {
        let existing = Set(try db.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.first?.string })
        let named = tables.filter(existing.contains).sorted()
        guard !named.isEmpty else { return [:] }
        let sql = named.map { "SELECT \(SQLText.literal($0)) AS \"tableName\", count(*) AS \"rowCount\" FROM \(SQLText.quote($0))" }
            .joined(separator: " UNION ALL ")
        let rows = try CatalogRow.decode(try db.queryResult(sql, []), as: TableRowCount.self)
        return Dictionary(rows.map { ($0.tableName, $0.rowCount) }) { a, _ in a }
    }

    /// SQLite rebuilds a table with any conversion, checked row by row: nothing is refused here.
    public func checkChange(table: String, from: Column, to: Column, dependents: [String]) throws {}

    /// Views are dropped and re-created by SQLite's rebuilds: nothing is refused here.
    public func checkDrop(_ what: String, dependents: [String]) throws {}

    /// A view's query compares token by token (as `comparable(_:)` spells them); SQLite keeps no
    /// view options or comments.
    public func normalized(_ object: SchemaObject) -> SchemaObject {
        switch object {
        case .view(let v):
            return .view(View(v.name.lowercased(), v.query(for: .sqlite).map { Self.comparable(PostgresObjectSQL.body($0)) },
                              columns: v.columns.map { $0.lowercased() }))
        case .trigger(let table, let trigger):
            // Compared token by token; what SQLite does not keep (a function, a comment) does not count.
            let t = trigger.sql.flatMap(SQLiteTriggerSQL.parse) ?? trigger
            guard t.sql == nil else { return .trigger(table: table.lowercased(), Trigger(name: t.name.lowercased(), sql: Self.comparable(t.sql!))) }
            return .trigger(
                table: table.lowercased(),
                Trigger(t.name.lowercased(), t.timing, t.events, updateOf: t.updateOf.map { $0.lowercased() }, when: t.when.map(Self.comparable),
                        body: t.body.map { Self.comparable(PostgresObjectSQL.body($0)) }))
        case .domain, .compositeType, .function, .aggregate, .materializedView, .partition, .policy, .extension, .exclusion:
            return object  // SQLite has none of these: never compared there
        }
    }

    public func normalized(_ table: Table) -> Table {
        var t = table
        let pk = Set(t.primaryKey?.columns ?? [])
        t.comment = nil
        t.partitioning = nil  // a plain table on SQLite
        t.rowLevelSecurity = nil  // SQLite has no row-level security
        t.policies = []
        t.exclusionConstraints = []  // SQLite has none
        t.triggers = t.triggers.filter { $0.exists(on: .sqlite) }.compactMap { trigger in
            if case .trigger(_, let n) = normalized(.trigger(table: table.name, trigger)) { n } else { nil }
        }
        t.primaryKey?.name = nil
        t.columns = t.columns.map { c in
            var c = c
            c.type = TypeNames.parse(Self.typeSQL(c, strict: table.isStrict))
            if pk.contains(c.name) { c.nullable = false }
            c.comment = nil
            c.autoincrementKind = nil
            c.autoincrement = c.autoincrement && t.primaryKey?.columns == [c.name]
            c.nativeTypes = [:]
            c.defaultValue = c.defaultValue?.typed(for: c.type)
            if c.defaultValue?.isSequenceValue == true { c.defaultValue = nil }  // no sequences on SQLite
            if case .expression(let e)? = c.defaultValue { c.defaultValue = .expression(Self.comparable(e)) }
            if c.generated != nil { c.defaultValue = nil }
            // Collation names are case-insensitive; BINARY is the default.
            c.collations = c.collations[.sqlite].flatMap { $0.uppercased() == "BINARY" ? nil : [.sqlite: $0.uppercased()] } ?? [:]
            c.generated = c.generated.map { GeneratedColumn(Self.comparable($0.expression), stored: $0.stored) }
            return c
        }
        // What SQLite does not keep (see `postgresOnlyDetails`) is left out of the comparison.
        t.primaryKey?.deferrable = nil
        t.uniqueConstraints = t.uniqueConstraints.map { UniqueConstraint($0.columns, name: $0.name) }
        t.foreignKeys = t.foreignKeys.map { fk in
            var fk = fk
            fk.matchFull = false
            fk.notValid = false
            return fk
        }
        t.checks = t.checks.map { CheckConstraint($0.name, Self.comparable($0.expression)) }
        t.indexes = t.indexes.map { i in
            // A key in its column's own collation names none.
            let options = i.keys.indices.map { n in
                var collation = i.options(at: n).collations[.sqlite]?.uppercased()
                if let column = i.keys[n].column, collation == (t.column(column)?.collations[.sqlite] ?? "BINARY") { collation = nil }
                return IndexKeyOptions(descending: i.options(at: n).descending, collations: collation.map { [.sqlite: $0] } ?? [:])
            }
            var i = Index(
                keys: i.keys, unique: i.unique, name: i.name, where: i.predicate,
                options: options.allSatisfy(\.isDefault) ? [] : options)
            i.predicate = i.predicate.map(Self.comparable)
            i.keys = i.keys.map { if case .expression(let e) = $0 { .expression(Self.comparable(e)) } else { $0 } }
            return i
        }
        return t
    }

    /// SQLite keeps expressions as written: normalizing spacing, quoting and keyword case suffices
    /// to compare them. They are still checked the way PostgreSQL's are: every model table with an
    /// expression (`Table.expressions`) that the database does not
    /// already hold as it is is created in an in-memory scratch database, which resolves the
    /// names an expression uses; one it rejects is a `ModelError` before anything is written.
    public func canonicalForms(of models: Schema, comparedWith current: Schema, on db: any DatabaseConnection) throws
        -> CanonicalForms
    {
        let unverified = models.tables.filter { t in
            !t.expressions.isEmpty && current.table(t.name).map(normalized) != normalized(t)
        }
        guard !unverified.isEmpty else { return CanonicalForms() }
        let scratch = try SQLiteConnection(path: ":memory:")
        defer { scratch.close() }
        try scratch.execute("PRAGMA foreign_keys = OFF")
        for t in unverified {
            for statement in try render([.createTable(t)], from: Schema()) {
                do {
                    try scratch.executeScript(scriptSQL(statement))
                } catch {
                    let reason = String(describing: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                    throw ModelError("an expression in table '\(t.name)' is not valid on SQLite: \(reason)")
                }
            }
        }
        return CanonicalForms()
    }

    /// SQLite compares table, column and index names case-insensitively.
    public func spelling(_ schema: Schema, as other: Schema) -> Schema { schema.adoptingSpelling(of: other) }

    /// An expression as SQLite reads it, for comparison only: tokens one space apart, keywords and
    /// identifiers (quoted or not; SQLite matches them case-insensitively) in lower case, strings
    /// as written, parentheses around the whole dropped.
    static func comparable(_ expression: String) -> String {
        var tokens = SQLTokenizer.tokenize(expression)
        while tokens.count >= 2, tokens.first!.isPunctuation("("),
            SQLTokenizer.matchingParen(tokens[...], from: 0) == tokens.count - 1
        {
            tokens = Array(tokens.dropFirst().dropLast())
        }
        return tokens.map { token in
            switch token.kind {
            case .word, .quotedIdentifier: return token.value.lowercased()
            case .string: return SQLText.literal(token.value)
            case .number, .punctuation: return token.value
            }
        }.joined(separator: " ")
    }

    public func hasTable(_ name: String, in db: any DatabaseConnection) throws -> Bool {
        try !db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(name)]).isEmpty
    }

    public func introspect(_ db: any DatabaseConnection) throws -> Schema {
        try SQLiteIntrospector(db: db).read()
    }

    /// Foreign keys are off while a revision runs (a rebuild drops and renames tables);
    /// `verifyBeforeCommit` checks every reference before the revision commits.
    public var beforeTransaction: [String] { ["PRAGMA foreign_keys = OFF"] }

    /// Foreign keys are enforced again once the revision has committed or rolled back.
    public var afterTransaction: [String] { ["PRAGMA foreign_keys = ON"] }

    /// `BEGIN IMMEDIATE` takes SQLite's write lock at once, so concurrent runs queue up.
    public var beginTransaction: String { "BEGIN IMMEDIATE" }

    public func verifyBeforeCommit(_ db: any DatabaseConnection) throws {
        let broken = try CatalogRow.decode(
            try db.queryResult("SELECT \"table\" AS \"table\", parent AS \"parent\" FROM pragma_foreign_key_check", []),
            as: BrokenReference.self)
        if let row = broken.first {
            throw DatabaseError(
                "foreign key check failed: \(broken.count) row(s) of '\(row.table)' reference missing rows in '\(row.parent)'")
        }
    }

    /// Holds a lock on the database file for the whole run (see `SQLiteConnection.lockRun`), so a
    /// concurrent upgrade and downgrade never interleave; each revision still takes `BEGIN IMMEDIATE`.
    public func lock(_ db: any DatabaseConnection) throws {
        try (db as? SQLiteConnection)?.lockRun()
    }

    public func unlock(_ db: any DatabaseConnection) throws {
        (db as? SQLiteConnection)?.unlockRun()
    }

    /// A check as an insert into a temporary table whose CHECK constraint, named by the message,
    /// fails when the count is above zero (SQLite has no other way to fail a script with a message).
    public func scriptSQL(_ statement: Statement) -> String {
        guard let message = statement.failureMessage else { return statement.sql }
        let table = SQLText.quote("_retort_check")
        return """
            CREATE TEMP TABLE IF NOT EXISTS \(table) (n INTEGER CONSTRAINT \(SQLText.quote(message)) CHECK (n = 0));
            INSERT INTO \(table) (n) \(statement.sql);
            DELETE FROM \(table)
            """
    }

    public func render(_ operations: [MigrationOperation], from schema: Schema) throws -> [Statement] {
        var start = schema
        start.catalog.dialect = .sqlite
        var renderer = SQLiteRenderer(schema: start)
        return try renderer.render(operations)
    }
}

/// A row of `pragma_foreign_key_check`: a row of `table` whose key finds no row in `parent`.
private struct BrokenReference: CatalogRecord {
    var table: String
    var parent: String

    init(_ row: CatalogRow) {
        table = row.string("table") ?? "?"
        parent = row.string("parent") ?? "?"
    }
}
