import ArgumentParser
import Foundation
import Retort

/// `lint`: dangerous operations in revisions, before they reach production.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find dangerous operations in revisions: data loss, long locks and rewrites, breaking renames.",
        discussion: """
            Lints the revisions not yet applied to the database (or -r START:END, or every revision with
            --offline). Against a live database, table sizes decide severity: lock and rewrite findings on
            tables of --large-table-rows rows or more are errors. A revision acknowledges a finding it means
            with `static let allow: [LintCode] = ["RT102"]`. Exits 0 unless an unacknowledged error remains (1).
            Every rule is documented in docs/lint.md.
            """)

    @Option(name: .customShort("r"), help: "A range START:END of revisions (either side may be left out, or be base/head).")
    var range: String?

    @Flag(help: "Do not read the database: lint every revision (or the range) for --dialect, without table sizes.")
    var offline = false

    @Option(help: "The dialect to lint for with --offline.")
    var dialect: DialectName = .postgres

    @Option(help: "From this many rows a table counts as large.")
    var largeTableRows: Int64 = 100_000

    @Option(help: "text or json (schema/lint.schema.json).")
    var format: OutputFormat = .text

    @OptionGroup var database: DatabaseOptions

    struct Output: Encodable {
        var dialect: DialectName
        var revisions: [String]
        var findings: [LintFinding]
        var passed: Bool
    }

    func run() throws {
        let project = try Project()
        let graph = project.graph
        var ids = try range.map(graph.revisions(inRange:)) ?? graph.order
        var linter = Linter(dialect: dialect, largeTableRows: largeTableRows)
        if !offline {
            let db = try project.connect(database)
            defer { db.close() }
            linter.dialect = db.dialect
            if range == nil {
                let applied = graph.ancestors(of: try Migrator(graph: graph, connection: db).knownHeads())
                ids = ids.filter { !applied.contains($0) }
            }
            let touched = Set(ids.flatMap { graph[$0].upgrade.compactMap(\.tableName) })
            linter.rows = try Linter.tableRows(db, tables: touched.sorted())
        }
        // The schema before the first revision linted: everything that applies before it, replayed.
        let linted = Set(ids), earlier = graph.ancestors(of: ids)
        var before = Schema()
        for id in graph.order where earlier.contains(id) && !linted.contains(id) {
            for op in graph[id].upgrade { try before.apply(op) }
        }
        let findings = try linter.lint(ids.map { graph[$0] }, from: before)
        let passed = !Linter.fails(findings)
        if format == .json {
            try printJSON(Output(dialect: linter.dialect, revisions: ids, findings: findings, passed: passed))
        } else {
            for f in findings { Console.out(f.line) }
            let errors = findings.filter { $0.severity == .error && !$0.acknowledged }.count
            let warnings = findings.filter { $0.severity == .warning && !$0.acknowledged }.count
            let allowed = findings.filter(\.acknowledged).count
            Console.info(
                "\(ids.count) revision(s) linted for \(linter.dialect.rawValue): \(errors) error(s), \(warnings) warning(s), \(allowed) allowed")
        }
        if !passed { throw CommandExit(status: ExitStatus.differences) }
    }
}
