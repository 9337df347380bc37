import ArgumentParser
import Retort

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one revision: its metadata and operations.")

    @Argument(help: "A revision id or unique prefix.")
    var revision: String

    func run() throws {
        let project = try Project()
        let r = project.graph[try project.graph.resolve(revision)]
        Console.out("Revision: \(r.id)")
        Console.out("Parents: \(r.parents.isEmpty ? "<base>" : r.parents.joined(separator: ", "))")
        Console.out("Message: \(r.message)")
        Console.out("Created: \(r.createdAt)")
        Console.out("Upgrade:")
        for op in r.upgrade { Console.out("  \(op.summary)") }
        if r.downgradeIsDerived {
            Console.out("Downgrade (derived from the upgrade):")
        } else if r.unusedReverses.isEmpty {
            Console.out("Downgrade (written in the revision):")
        } else {
            Console.out("Downgrade (written in the revision; it wins over the reverse: of \(r.unusedReverses.count) upgrade step(s)):")
        }
        for op in r.downgrade { Console.out("  \(op.summary)") }
    }
}
