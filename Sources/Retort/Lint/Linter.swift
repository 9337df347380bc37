/// Runs the lint rules over revisions (decision 13: a plain pass over operations, plus table sizes
/// when a database is at hand).
public struct Linter: Sendable {
    public var dialect: DialectName
    /// Row counts of tables, when known (a live database).
    public var rows: [String: Int64]
    /// From this many rows a table counts as large.
    public var largeTableRows: Int64

    /// A linter for a dialect; `rows` from `Linter.tableRows(_:)` when connected.
    public init(dialect: DialectName, rows: [String: Int64] = [:], largeTableRows: Int64 = 100_000) {
        self.dialect = dialect
        self.rows = rows
        self.largeTableRows = largeTableRows
    }

    /// The findings of `revisions` (in the order they apply), starting from `schema`.
    public func lint(_ revisions: [RevisionInfo], from schema: Schema) throws -> [LintFinding] {
        var schema = schema
        var findings: [LintFinding] = []
        let rules = LintRule.all.filter { $0.dialects.contains(dialect) }
        for revision in revisions {
            var created = Set<String>()
            for op in revision.upgrade {
                let context = LintContext(
                    dialect: dialect, before: schema, createdInRevision: created, rows: rows, largeTableRows: largeTableRows)
                for rule in rules {
                    guard let (severity, table) = rule.check(op, context) else { continue }
                    findings.append(
                        LintFinding(
                            code: rule.code, severity: severity, revision: revision.id, table: table,
                            operation: op.summary + (table.map(context.size) ?? ""), why: rule.why, fix: rule.fix,
                            acknowledged: revision.allow.contains(rule.code)))
                }
                if case .createTable(let t) = op { created.insert(t.name) }
                if case .renameTable(let from, let to) = op, created.contains(from) { created.insert(to) }
                try schema.apply(op)
            }
        }
        return findings
    }

    /// True when a finding fails the lint: an error the revision does not acknowledge.
    public static func fails(_ findings: [LintFinding]) -> Bool {
        findings.contains { $0.severity == .error && !$0.acknowledged }
    }

    /// Row counts of the connected database's tables: the planner's estimates on PostgreSQL
    /// (one catalog query; a table never analyzed has none), exact counts on SQLite for the tables
    /// named (one query).
    public static func tableRows(_ db: any DatabaseConnection, tables: [String]) throws -> [String: Int64] {
        var rows: [String: Int64] = [:]
        switch db.dialect {
        case .postgres:
            for row in try db.query(
                """
                SELECT c.relname, c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.reltuples >= 0
                """)
            {
                if let name = row[0].string { rows[name] = row[1].int ?? 0 }
            }
        case .sqlite:
            let existing = Set(try db.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.first?.string })
            let named = tables.filter(existing.contains).sorted()
            guard !named.isEmpty else { return [:] }
            let sql = named.map { "SELECT \(SQLText.literal($0)), count(*) FROM \(SQLText.quote($0))" }.joined(separator: " UNION ALL ")
            for row in try db.query(sql) {
                if let name = row[0].string { rows[name] = row[1].int ?? 0 }
            }
        }
        return rows
    }
}
