import ArgumentParser
import Foundation
import Retort

/// `verify`: the whole history, checked on a scratch database, for CI.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the revision history on a scratch database: each downgrade undoes its upgrade, rows survive, head matches the models.",
        discussion: """
            Applies the history from base one revision at a time on an empty database of the URL's dialect
            (in-memory SQLite, or a temporary database on the PostgreSQL server, dropped afterwards), with a
            few generated rows in every table. After each revision it downgrades and upgrades it again and
            requires the same schema and the rows of the columns the revision does not add or drop. At head the
            schema must equal the models, and the whole history is linted. Exits 4 naming the first revision
            that fails, 1 when head differs from the models or lint finds an unacknowledged error.
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let project = try Project()
        let generator = try project.autogenerator()
        let url = try database.resolved(defaultPath: project.tool.defaultDatabasePath)
        var failed = false
        try HistorySchema.withScratchDatabase(like: url, purpose: "verify the history") { db in
            let head = try Verifier(graph: project.graph) { Console.info($0) }.verify(on: db)
            let left = try generator.differences(from: generator.exclusions.apply(head), on: db) { Console.info("note: \($0)") }
            for op in left { Console.out("models vs head: \(op.summary)") }
            if !left.isEmpty {
                failed = true
                Console.info("the schema at head differs from the models: run 'autogen -m MESSAGE'")
            }
            let findings = try Linter(dialect: db.dialect).lint(project.graph.order.map { project.graph[$0] }, from: Schema())
            for f in findings { Console.out("lint: \(f.line)") }
            if Linter.fails(findings) {
                failed = true
                Console.info("lint: the history has unacknowledged errors (see docs/lint.md; a revision may allow a code it means)")
            }
        }
        if failed { throw CommandExit(status: ExitStatus.differences) }
        Console.info("ok: \(project.graph.order.count) revision(s) verified on \(url.dialect.rawValue)")
    }
}
