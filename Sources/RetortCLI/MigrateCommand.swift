import ArgumentParser
import Foundation
import Retort

/// The command tree of a project's migrate tool.
struct MigrateCommand: ParsableCommand {
    // Safe: written only by `MigrateTool.main`, once, before it parses or runs anything (and
    // then exits); `run(_:)`, which tests call from many threads, only reads it.
    nonisolated(unsafe) static var configuration = CommandConfiguration(
        abstract: "Autogenerate, apply and inspect schema migrations (Retort).",
        subcommands: [
            Autogen.self, RevisionCommand.self, Split.self, Stamp.self, Upgrade.self, Downgrade.self, Current.self, History.self, Heads.self,
            Show.self, Check.self, Lint.self, Verify.self, Branches.self, Merge.self, DiffCommand.self, TransferCommand.self, ReflectCommand.self,
        ]
    )
}

/// What every project command needs: the tool, its revision graph and a database.
struct Project {
    let tool: MigrateTool
    let graph: RevisionGraph

    init() throws {
        guard let tool = MigrateTool.current else { throw UsageError(description: "no migrate tool is configured") }
        try tool.revisions.requireUpToDate()
        self.tool = tool
        self.graph = try tool.revisions.graph()
    }

    /// Opens the database for reading; a missing SQLite file is an error, never created.
    func connect(_ options: DatabaseOptions) throws -> any DatabaseConnection {
        try options.connect(defaultPath: tool.defaultDatabasePath, create: false)
    }

    /// A migrator on the database, which is created if it is a missing SQLite file.
    func migrator(_ options: DatabaseOptions) throws -> Migrator {
        Migrator(
            graph: graph, connection: try options.connect(defaultPath: tool.defaultDatabasePath, create: true),
            exclusions: tool.exclusions()
        ) { Console.info($0) }
    }

    /// The history applied to a fleet, with the session settings of `options` (not its schema:
    /// each target has its own) and the tool's exclusions.
    func fleetMigration(_ options: DatabaseOptions, policy: FleetPolicy, acceptChanged: Bool = false) -> FleetMigration {
        FleetMigration(
            graph: graph, settings: SessionSettings(lockTimeout: options.lockTimeout, statementTimeout: options.statementTimeout),
            exclusions: (try? tool.exclusions()) ?? TableFilter(), acceptChanged: acceptChanged, policy: policy)
    }

    /// The autogenerator, leaving out the tool's excluded tables and any `extra` patterns.
    func autogenerator(excluding extra: [String] = []) throws -> Autogenerator {
        try Autogenerator(models: tool.schema, graph: graph, excluding: tool.exclusions(extra))
    }

    /// The autogenerator and the database with its schema (excluded tables left out). The
    /// database is opened and read on a second thread while the models are validated and named
    /// here, since neither needs the other; a model error is reported before a database error.
    func autogeneratorAndDatabase(_ options: DatabaseOptions, excluding extra: [String] = []) throws
        -> (generator: Autogenerator, db: any DatabaseConnection, schema: Schema)
    {
        let (project, options) = (self, options)
        let reading = BlockingThread.start { () throws -> (db: any DatabaseConnection, schema: Schema) in
            let db = try project.connect(options)
            do {
                return (db, try db.dialect.implementation.introspect(db))
            } catch {
                db.close()
                throw error
            }
        }
        let generator = Result { try autogenerator(excluding: extra) }
        let read = Result { try reading.wait() }
        do {
            let generator = try generator.get()
            let (db, schema) = try read.get()
            return (generator, db, generator.exclusions.apply(schema))
        } catch {
            if case .success(let opened) = read { opened.db.close() }
            throw error
        }
    }

    func writer() throws -> RevisionWriter {
        try RevisionWriter(
            directory: URL(fileURLWithPath: tool.revisions.directory),
            projectRoot: URL(fileURLWithPath: tool.revisions.packageDirectory))
    }

    /// A revision as JSON output describes it.
    func json(_ id: String, applied: Set<String> = []) -> RevisionJSON {
        let r = graph[id]
        return RevisionJSON(
            id: id, parents: r.parents, message: r.message, createdAt: r.createdAt, isHead: graph.heads.contains(id),
            isCurrent: applied.contains(id), replaces: r.replaces)
    }

    /// A revision's line for `history`, `heads` and `current`.
    func line(_ id: String, applied: Set<String> = []) -> String {
        let r = graph[id]
        var tags: [String] = []
        if graph.heads.contains(id) { tags.append("head") }
        if applied.contains(id) { tags.append("current") }
        let tagText = tags.isEmpty ? "" : " (\(tags.joined(separator: ", ")))"
        let parents = r.parents.isEmpty ? "<base>" : r.parents.joined(separator: ", ")
        return "\(parents) -> \(id)\(tagText), \(r.message)"
    }
}
