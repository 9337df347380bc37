import ArgumentParser
import Retort

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the revisions, newest first, the current ones marked.")

    @Option(name: .customShort("r"), help: "A range START:END of revisions (either side may be left out, or be base/head).")
    var range: String?

    @Flag(help: "Show each revision's date, parents and what it replaces.")
    var verbose = false

    @Flag(help: "Do not read the database to mark the current revision.")
    var offline = false

    @Option(help: "text or json (schema/history.schema.json).")
    var format: OutputFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let project = try Project()
        let graph = project.graph
        var applied = Set<String>()
        if !offline {
            let db = try project.connect(database)
            defer { db.close() }
            applied = Set(try Migrator(graph: graph, connection: db).heads())
        }
        var ids = try range.map(graph.revisions(inRange:)) ?? graph.order
        ids.reverse()
        if format == .json {
            struct Output: Encodable { var revisions: [RevisionJSON] }
            try printJSON(Output(revisions: ids.map { project.json($0, applied: applied) }))
            return
        }
        for id in ids {
            Console.out(project.line(id, applied: applied))
            guard verbose else { continue }
            let r = graph[id]
            Console.out("    created: \(r.createdAt)")
            if r.parents.count > 1 { Console.out("    merges: \(r.parents.joined(separator: ", "))") }
            if (graph.children[id] ?? []).count > 1 { Console.out("    branches into: \(graph.children[id]!.joined(separator: ", "))") }
            if !r.replaces.isEmpty { Console.out("    replaces: \(r.replaces.joined(separator: ", "))") }
            for op in r.upgrade { Console.out("    \(op.summary)") }
        }
    }
}
