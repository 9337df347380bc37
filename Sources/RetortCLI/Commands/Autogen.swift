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
        let generator = try project.autogenerator(excluding: fluent ? [Self.fluentLog] : [])
        let db = try project.connect(database)
        defer { db.close() }
        let safePlan = !fluent && (safe ?? (project.tool.safeOnPostgres && db.dialect == .postgres))
        let (revisions, database) = try generator.revisionsAndSchema(
            message: message, db: db, single: single, safe: safePlan, history: !fluent
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

struct Split: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite a multi-table revision as a chain of per-table revisions, in dependency order.",
        discussion: "Databases already at the old revision are recognised as being at the end of the new chain.")

    @Argument(help: "The revision to split (an id or unique prefix).")
    var revision: String

    func run() throws {
        let project = try Project()
        let split = try RevisionSplit(revision, in: project.graph)
        let files = RevisionFiles(directory: URL(fileURLWithPath: project.tool.revisions.directory))
        let oldFile = try files.file(for: split.old.id)
        let writer = try project.writer()
        // Render everything before touching a file, so a failure leaves the folder as it was.
        let rendered = try split.revisions.map { ($0, try writer.render($0)) }
        for (revision, _) in rendered { Console.out(try writer.write(revision).path) }
        for child in split.children {
            try files.replaceParent(of: child, split.old.id, with: split.revisions.last!.id)
        }
        try FileManager.default.removeItem(at: oldFile)
        Console.info("split \(split.old.id) into \(split.revisions.count) revisions; removed \(oldFile.lastPathComponent)")
    }
}

struct RevisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revision", abstract: "Write an empty revision for hand-written changes (data migrations).",
        discussion: """
            With --baseline, write instead the first revision of a project adopting Retort on an existing
            database: it creates everything the models declare. Then 'stamp head' on the existing database
            records it as applied without running it, and 'check' is clean.
            """)

    @Option(name: .shortAndLong, help: "What the revision does.")
    var message: String

    @Flag(help: "Write the first revision, creating the whole schema the models declare (the history must be empty).")
    var baseline = false

    func run() throws {
        let project = try Project()
        if baseline {
            let revision = try project.autogenerator().baseline(message: message)
            Console.out(try project.writer().write(revision).path)
            Console.info("\(revision.id): \(revision.upgrade.count) operation(s); on an existing database run 'stamp head', on a new one 'upgrade head'")
            return
        }
        let date = Date()
        let revision = RevisionInfo(
            id: RevisionID.fresh(date: date, avoiding: Set(project.graph.revisions.keys))[0],
            parents: [try project.graph.singleHead()].compactMap { $0 }, message: message,
            createdAt: RevisionID.timestamp(date), upgrade: [], downgrade: [])
        Console.out(try project.writer().write(revision).path)
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a merge revision that joins several heads (or 'merge heads' for all of them).")

    @Argument(help: "Revisions to join, or 'heads'.")
    var revisions: [String]

    @Option(name: .shortAndLong, help: "What the merge is for.")
    var message: String

    func run() throws {
        let project = try Project()
        let graph = project.graph
        let parents = revisions == ["heads"] ? graph.heads : try revisions.map { try graph.resolve($0) }
        guard Set(parents).count >= 2 else {
            throw UsageError(description: "merge needs at least two different revisions (there are \(graph.heads.count) heads)")
        }
        for p in parents where parents.contains(where: { $0 != p && graph.ancestors(of: [$0]).contains(p) }) {
            throw UsageError(description: "'\(p)' is an ancestor of another revision given; nothing to merge")
        }
        let date = Date()
        let revision = RevisionInfo(
            id: RevisionID.fresh(date: date, avoiding: Set(graph.revisions.keys))[0], parents: parents.sorted(), message: message,
            createdAt: RevisionID.timestamp(date),
            upgrade: [], downgrade: [])
        Console.out(try project.writer().write(revision).path)
    }
}
