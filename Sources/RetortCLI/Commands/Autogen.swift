import ArgumentParser
import Foundation
import Retort

/// What `autogen` writes.
enum AutogenOutput: String, ExpressibleByArgument, CaseIterable {
    /// Retort revisions.
    case retort
    /// Fluent `AsyncMigration` types, for apps that keep Fluent's migrator.
    case fluent
}

struct Autogen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the models with the database and write the difference as new revisions, one per table.",
        discussion: """
            With --emit fluent, write Fluent AsyncMigration types instead, into --output (the app's
            migrations folder), for a database Fluent's migrator keeps: it need not be at Retort's head,
            and Fluent's _fluent_migrations table is left out. They run on SQLite and PostgreSQL; add
            `retortFluentMigrations` (the list written beside them) to the app's migrations.
            """)

    @Option(name: .shortAndLong, help: "What the change does; each revision's message adds its table.")
    var message: String

    @Flag(help: "Write one revision for all tables instead of one per table.")
    var single = false

    @Flag(inversion: .prefixedNo, help: "Write a plan that takes no long locks on tables that have rows: concurrent index builds, NOT VALID then VALIDATE, expand / backfill in batches / contract (default: the migrate tool's safeOnPostgres on PostgreSQL).")
    var safe: Bool?

    @Option(help: "What to write: retort (revisions) or fluent (Fluent migrations, into --output).")
    var emit: AutogenOutput = .retort

    @Option(help: "With --emit fluent: the folder of the app's Fluent migrations.")
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let fluent = emit == .fluent
        if fluent, output == nil {
            throw UsageError(description: "--emit fluent needs --output DIR, the folder of the app's Fluent migrations")
        }
        if !fluent, output != nil { throw UsageError(description: "--output is for --emit fluent; revisions go to the project's revisions folder") }
        if fluent, safe == true {
            throw UsageError(description: "--safe cannot be used with --emit fluent: its steps run outside a transaction, and a Fluent migration runs in one")
        }
        let project = try Project()
        let (generator, db, read) = try project.autogeneratorAndDatabase(database, excluding: fluent ? [Self.fluentLog] : [])
        defer { db.close() }
        let safePlan = !fluent && (safe ?? (project.tool.safeOnPostgres && db.dialect == .postgres))
        let (revisions, database) = try generator.revisionsAndSchema(
            message: message, db: db, single: single, safe: safePlan, history: !fluent, read: read
        ) {
            Console.info("note: \($0)")
        }
        guard !revisions.isEmpty else {
            Console.info("no changes: the models match the database")
            return
        }
        let urls: [URL]
        if let output {
            urls = try FluentMigrationWriter(directory: URL(fileURLWithPath: output)).write(revisions, database: database)
        } else {
            let writer = try project.writer()
            urls = try revisions.map { try writer.write($0) }
        }
        for (revision, url) in zip(revisions, urls) {
            Console.info("\(revision.id): \(revision.message)")
            for op in revision.upgrade { Console.info("  \(op.summary)") }
            Console.out(url.path)
        }
        for detail in db.dialect.implementation.portabilityNotes(revisions.flatMap(\.upgrade)) {
            Console.info("note: \(detail) (kept in the revision for PostgreSQL)")
        }
        // What was written, linted against this database (its sizes decide severity).
        let touched = Set(revisions.flatMap { $0.upgrade.compactMap(\.tableName) })
        let linter = Linter(dialect: db.dialect, rows: try Linter.tableRows(db, tables: touched.sorted()))
        for finding in try linter.lint(revisions, from: database) { Console.info("lint: \(finding.line)") }
    }

    /// The table where Fluent's migrator records what it ran.
    static let fluentLog = "_fluent_migrations"
}
