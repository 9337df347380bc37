import ArgumentParser
import Retort

struct Branches: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the revisions where the history branches, with their children.")

    func run() throws {
        let project = try Project()
        if project.graph.branchPoints.isEmpty {
            Console.info("no branches: every revision has at most one child")
        }
        for id in project.graph.branchPoints {
            Console.out(project.line(id))
            for child in project.graph.children[id] ?? [] { Console.out("    -> \(child), \(project.graph[child].message)") }
        }
    }
}
