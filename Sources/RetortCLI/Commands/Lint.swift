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

    @OptionGroup var fleet: FleetOptions

    func run() throws {
        let project = try Project()
        let graph = project.graph
        let range = try self.range.map(graph.revisions(inRange:))
        if fleet.isFleet {
            guard !offline else { throw UsageError(description: "--offline lints without a database; a fleet is databases") }
            return try runFleet(project, range: range)
        }
        let ids: [String], findings: [LintFinding], dialect: DialectName
        if offline {
            ids = range ?? graph.order
            dialect = self.dialect
            findings = try Linter(dialect: dialect, largeTableRows: largeTableRows).lint(ids, in: graph)
        } else {
            let db = try project.connect(database)
            defer { db.close() }
            dialect = db.dialect
            (ids, findings) = try Linter.live(graph, on: db, range: range, largeTableRows: largeTableRows)
        }
        let passed = !Linter.fails(findings)
        if format == .json {
            try printJSON(Output(dialect: dialect, revisions: ids, findings: findings, passed: passed))
        } else {
            for f in findings { Console.out(f.line) }
            let errors = findings.filter { $0.severity == .error && !$0.acknowledged }.count
            let warnings = findings.filter { $0.severity == .warning && !$0.acknowledged }.count
            let allowed = findings.filter(\.acknowledged).count
            Console.info(
                "\(ids.count) revision(s) linted for \(dialect.rawValue): \(errors) error(s), \(warnings) warning(s), \(allowed) allowed")
        }
        if !passed { throw CommandExit(status: ExitStatus.differences) }
    }

    /// Every target's pending revisions (or the range) linted with its own table sizes; the same
    /// finding on many targets is grouped ("3 × error RT201 … orders: …"), and the targets where
    /// an error fails the lint are named. Exit 1 when one does, 20 when a target cannot be read.
    func runFleet(_ project: Project, range: [String]?) throws {
        let targets = try fleet.resolve(database, defaultPath: project.tool.defaultDatabasePath)
        let report = project.fleetMigration(database, policy: fleet.policy).lint(targets, range: range, largeTableRows: largeTableRows)
        let flagged = report.results.filter { $0.status == .flagged }
        if format == .json {
            try printJSON(FleetReportJSON(report))
        } else {
            printGroupedFindings(report, marked: .flagged) { $0 == 0 ? nil : "\($0) of \(targets.count) targets fail the lint:" }
            Console.info("\(targets.count) target(s) linted: \(flagged.count) fail")
        }
        if !report.allRead { throw CommandExit(status: ExitStatus.fleetFailures) }
        if !flagged.isEmpty { throw CommandExit(status: ExitStatus.differences) }
    }
}
