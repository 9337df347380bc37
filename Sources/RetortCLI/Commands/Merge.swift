import ArgumentParser
import Foundation
import Retort

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a merge revision that joins several heads (or 'merge heads' for all of them).")

    @Argument(help: "Revisions to join, or 'heads'.")
    var revisions: [String]

    @Option(name: .shortAndLong, help: "What the merge is for.")
    var message: String

    func run() throws {
        let project = try Project()
        let graph = project.graph
        let parents = revisions == ["heads"] ? graph.heads : try revisions.map { try graph.resolve($0) }
        guard Set(parents).count >= 2 else {
            throw UsageError(description: "merge needs at least two different revisions (there are \(graph.heads.count) heads)")
        }
        for p in parents where parents.contains(where: { $0 != p && graph.ancestors(of: [$0]).contains(p) }) {
            throw UsageError(description: "'\(p)' is an ancestor of another revision given; nothing to merge")
        }
        let date = Date()
        let revision = RevisionInfo(
            id: RevisionID.fresh(date: date, avoiding: Set(graph.revisions.keys))[0], parents: parents.sorted(), message: message,
            createdAt: RevisionID.timestamp(date),
            upgrade: [], downgrade: [])
        Console.out(try project.writer().write(revision).path)
    }
}
