import ArgumentParser
import Retort

struct Heads: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the revisions that have no children.")

    @Option(help: "text or json (schema/heads.schema.json).")
    var format: OutputFormat = .text

    func run() throws {
        let project = try Project()
        if format == .json {
            struct Output: Encodable { var heads: [RevisionJSON] }
            try printJSON(Output(heads: project.graph.heads.map { project.json($0) }))
            return
        }
        for id in project.graph.heads { Console.out(project.line(id)) }
    }
}
