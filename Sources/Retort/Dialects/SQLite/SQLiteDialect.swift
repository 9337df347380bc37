/// SQLite: the embedded default dialect.
public struct SQLiteDialect: Dialect {
    /// The SQLite dialect.
    public init() {}

    public var name: DialectName { .sqlite }

    /// The type spelling SQLite stores for a column (its declared type).
    static func typeSQL(_ column: Column) -> String {
        if let native = column.nativeTypes[.sqlite] { return native }
        if column.autoincrement { return "INTEGER" }
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

    /// The SQL for a default value.
    static func defaultSQL(_ value: DefaultValue) -> String {
        switch value {
        case .string(let s): return SQLText.literal(s)
        case .integer(let i): return String(i)
        case .number(let n): return n
        case .boolean(let b): return b ? "1" : "0"
        case .currentTimestamp: return "CURRENT_TIMESTAMP"
        case .currentDate: return "CURRENT_DATE"
        case .expression(let e): return "(\(e))"
        }
    }

    public func normalized(_ table: Table) -> Table {
        var t = table
        let pk = Set(t.primaryKey?.columns ?? [])
        t.comment = nil
        t.triggers = []
        t.primaryKey?.name = nil
        t.columns = t.columns.map { c in
            var c = c
            c.type = TypeNames.parse(Self.typeSQL(c))
            if pk.contains(c.name) { c.nullable = false }
            c.comment = nil
            c.nativeTypes = [:]
            c.defaultValue = c.defaultValue.map { Self.normalizedDefault($0, type: c.type) }
            return c
        }
        t.checks = t.checks.map { CheckConstraint($0.name, SQLText.normalizeExpression($0.expression)) }
        t.indexes = t.indexes.map { i in
            var i = i
            i.predicate = i.predicate.map(SQLText.normalizeExpression)
            return i
        }
        return t
    }

    /// A default as SQLite stores and reports it: booleans are integers.
    static func normalizedDefault(_ value: DefaultValue, type: ColumnType) -> DefaultValue {
        let v = value.canonical
        if type == .boolean, case .integer(let i) = v, i == 0 || i == 1 { return .boolean(i == 1) }
        return v
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
        let broken = try db.query("PRAGMA foreign_key_check")
        if let row = broken.first {
            throw DatabaseError(
                "foreign key check failed: \(broken.count) row(s) of '\(row[0].string ?? "?")' reference missing rows in '\(row[2].string ?? "?")'")
        }
    }

    /// SQLite needs no lock beyond `BEGIN IMMEDIATE`, taken for each revision.
    public func lock(_ db: any DatabaseConnection) throws {}
    public func unlock(_ db: any DatabaseConnection) throws {}

    public func render(_ operations: [MigrationOperation], from schema: Schema) throws -> [Statement] {
        var renderer = SQLiteRenderer(schema: schema)
        return try renderer.render(operations)
    }
}
