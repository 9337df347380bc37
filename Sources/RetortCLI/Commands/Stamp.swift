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

    func run() throws {
        let project = try Project()
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
