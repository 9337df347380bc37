import ArgumentParser
import Retort

struct Stamp: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a revision as applied without running migrations (for databases that already have the schema).")

    @Argument(help: "base, head, heads, or a revision id or prefix.")
    var target: String

    @Flag(help: "Forget whatever the version table holds first, even revisions no file defines.")
    var purge = false

    @Flag(help: "Print the SQL instead of running it.")
    var sql = false

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var fleet: FleetOptions

    @Option(help: "text or json (a fleet's report: schema/fleet.schema.json).")
    var format: OutputFormat = .text

    func run() throws {
        let project = try Project()
        if fleet.isFleet {
            if sql { throw UsageError(description: "--sql prints one script; it takes no fleet") }
            let targets = try fleet.resolve(database, defaultPath: project.tool.defaultDatabasePath)
            let migration = project.fleetMigration(database, policy: fleet.policy)
            let (target, purge) = (self.target, self.purge)
            try fleet.report(format, total: targets.count) { migration.stamp(targets, to: target, purge: purge, finished: $0) }
            return
        }
        if sql {
            let dialect = try database.resolved(defaultPath: project.tool.defaultDatabasePath).dialect.implementation
            print(try OfflineSQL(graph: project.graph, dialect: dialect).stamp(target), terminator: "")
            return
        }
        let migrator = try project.migrator(database)
        defer { migrator.db.close() }
        _ = try migrator.stamp(target, purge: purge)
    }
}
