/// What the linter reads of a revision: its id, its upgrade steps and the codes it acknowledges.
public protocol LintedRevision {
    /// The revision's id, for findings.
    var id: String { get }
    /// The steps linted, in order.
    var upgrade: [MigrationOperation] { get }
    /// Codes the revision acknowledges: still reported, never failing.
    var allow: [LintCode] { get }
}

/// Runs the lint rules over revisions (decision 13: a plain pass over operations, plus table sizes
/// when a database is at hand).
public struct Linter: Sendable {
    /// The dialect the revisions are linted for.
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
    public func lint(_ revisions: [some LintedRevision], from schema: Schema) throws -> [LintFinding] {
        var schema = schema
        var findings: [LintFinding] = []
        let rules = LintRule.all.filter { $0.dialects.contains(dialect) }
        for revision in revisions {
            var created = Set<String>()
            var end = schema
            for op in revision.upgrade { try end.apply(op) }
            for op in revision.upgrade {
                let context = LintContext(
                    dialect: dialect, before: schema, after: end, createdInRevision: created, rows: rows, largeTableRows: largeTableRows)
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

    /// The findings of the revisions `ids` of `graph` (in the order they apply), starting from the
    /// schema the revisions they follow produce.
    public func lint(_ ids: [String], in graph: RevisionGraph) throws -> [LintFinding] {
        let linted = Set(ids), earlier = graph.ancestors(of: ids)
        var before = Schema()
        for id in graph.order where earlier.contains(id) && !linted.contains(id) {
            for op in graph[id].upgrade { try before.apply(op) }
        }
        return try lint(ids.map { graph[$0] }, from: before)
    }

    /// The revisions `db` has not applied (or `range`, when given), linted for its dialect with its
    /// tables' sizes.
    public static func live(_ graph: RevisionGraph, on db: any DatabaseConnection, range: [String]? = nil, largeTableRows: Int64 = 100_000)
        throws -> (revisions: [String], findings: [LintFinding])
    {
        var linter = Linter(dialect: db.dialect, largeTableRows: largeTableRows)
        let ids: [String]
        if let range {
            ids = range
        } else {
            let applied = graph.ancestors(of: try Migrator(graph: graph, connection: db).knownHeads())
            ids = graph.order.filter { !applied.contains($0) }
        }
        let touched = Set(ids.flatMap { graph[$0].upgrade.compactMap(\.tableName) })
        linter.rows = try tableRows(db, tables: touched.sorted())
        return (ids, try linter.lint(ids, in: graph))
    }

    /// True when a finding fails the lint: an error the revision does not acknowledge.
    public static func fails(_ findings: [LintFinding]) -> Bool {
        findings.contains { $0.severity == .error && !$0.acknowledged }
    }

    /// Row counts of the connected database's tables (see `Dialect.tableRows(on:tables:)`).
    public static func tableRows(_ db: any DatabaseConnection, tables: [String]) throws -> [String: Int64] {
        try db.dialect.implementation.tableRows(on: db, tables: tables)
    }
}
