import ArgumentParser
import Retort

struct Current: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the revision(s) the database is at.")

    @Option(help: "text or json (schema/current.schema.json).")
    var format: OutputFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let project = try Project()
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
