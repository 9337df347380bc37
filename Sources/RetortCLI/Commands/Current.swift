import ArgumentParser
import Retort

struct Current: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the revision(s) the database is at.")

    @Option(help: "text or json (schema/current.schema.json).")
    var format: OutputFormat = .text

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var fleet: FleetOptions

    func run() throws {
        let project = try Project()
        if fleet.isFleet {
            let targets = try fleet.resolve(database, defaultPath: project.tool.defaultDatabasePath)
            let migration = project.fleetMigration(database, policy: fleet.policy)
            let report = migration.current(targets)
            if format == .json {
                try printJSON(FleetReportJSON(report))
            } else {
                // A histogram: how many targets are at each revision, the most common first.
                var at: [String: Int] = [:]
                for r in report.results where r.status == .done { at[r.to.isEmpty ? "base" : r.to.joined(separator: "+"), default: 0] += 1 }
                let lines = at.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { id, n in
                    "\(n) at \(id)\(Set(id.split(separator: "+").map(String.init)) == Set(project.graph.heads) ? " (head)" : "")"
                }
                Console.out(lines.isEmpty ? "no target could be read" : lines.joined(separator: ", "))
                for r in report.results where r.status != .done { Console.out("\(r.status.rawValue): \(r.target): \(r.error ?? "")") }
            }
            if !report.succeeded { throw CommandExit(status: ExitStatus.fleetFailures) }
            return
        }
        let db = try project.connect(database)
        defer { db.close() }
        let heads = try Migrator(graph: project.graph, connection: db).heads()
        if format == .json {
            struct Output: Encodable {
                var current: [RevisionJSON]
                var atHead: Bool
            }
            try printJSON(Output(current: heads.map { project.json($0, applied: Set(heads)) }, atHead: Set(heads) == Set(project.graph.heads)))
            return
        }
        if heads.isEmpty { Console.out("base") }
        for id in heads {
            Console.out("\(id)\(project.graph.heads.contains(id) ? " (head)" : ""), \(project.graph[id].message)")
        }
    }
}
