import ArgumentParser
import Retort

/// What `upgrade` and `downgrade` share: `--sql`, `--accept-changed` and the database options.
struct MigrationOptions: ParsableArguments {
    @Flag(help: "Print the SQL instead of running it; no database is read.")
    var sql = false

    @Flag(help: "With --sql: fail, printing nothing, when a revision holds Swift steps the script cannot contain.")
    var strict = false

    @Flag(help: "Accept applied revisions whose files were edited since, recording them as they are now.")
    var acceptChanged = false

    @Option(help: "Write a backup to this new file before anything runs (SQLite backup API; PostgreSQL pg_dump -Fc).")
    var backup: String?

    @Option(help: "For steps of non-transactional revisions: how long a step waits for a table lock, in ms (default 2000).")
    var stepLockTimeout: Int?

    @Option(help: "For steps of non-transactional revisions: how many times a step that got no lock is tried again (default 5).")
    var stepLockRetries: Int?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var fleet: FleetOptions

    @Option(help: "text or json (a fleet's report: schema/fleet.schema.json).")
    var format: OutputFormat = .text

    /// Prints the offline script, runs `rollout` over a fleet, or runs `online` and says when
    /// there was nothing to do.
    func run(
        offline: (OfflineSQL) throws -> OfflineScript,
        rollout: (FleetMigration, [FleetTarget], @escaping @Sendable (FleetResult) -> Void) -> FleetReport,
        online: (Migrator) throws -> [MigrationStep]
    ) throws {
        let project = try Project()
        if sql, backup != nil { throw UsageError(description: "--backup needs a database to copy; --sql reads none") }
        if fleet.isFleet {
            if sql { throw UsageError(description: "--sql prints one script; it takes no fleet") }
            if backup != nil { throw UsageError(description: "--backup copies one database; back a fleet up with its servers' own tools") }
            let targets = try fleet.resolve(database, defaultPath: project.tool.defaultDatabasePath)
            let migration = project.fleetMigration(database, policy: fleet.policy, acceptChanged: acceptChanged)
            try fleet.report(format, total: targets.count) { finished in rollout(migration, targets, finished) }
            return
        }
        if format == .json { throw UsageError(description: "--format json is the report of a fleet (--each-schema, --each-database, --targets)") }
        if sql {
            let dialect = try database.resolved(defaultPath: project.tool.defaultDatabasePath).dialect.implementation
            let script = try offline(OfflineSQL(graph: project.graph, dialect: dialect))
            if !script.swiftSteps.isEmpty {
                let list = script.swiftSteps.joined(separator: ", ")
                if strict {
                    throw UsageError(description: "--strict: the range holds Swift steps that SQL cannot express (\(list)); run it online")
                }
                Console.info("note: the script leaves out \(script.swiftSteps.count) Swift step(s) (\(list)); a comment marks where each runs")
            }
            print(script.text, terminator: "")
            return
        }
        let migrator = try project.migrator(database)
        defer { migrator.db.close() }
        if let stepLockTimeout { migrator.lockPolicy.timeout = stepLockTimeout }
        if let stepLockRetries { migrator.lockPolicy.retries = stepLockRetries }
        if let backup {
            let url = try database.resolved(defaultPath: project.tool.defaultDatabasePath)
            let size = try Backup.write(migrator.db, url: url, to: backup)
            Console.info("backup written to \(backup) (\(size) bytes)")
        }
        if try online(migrator).isEmpty {
            let heads = try migrator.heads()
            Console.info("nothing to do: the database is at \(heads.isEmpty ? "base" : heads.joined(separator: ", "))")
        }
    }
}
