import ArgumentParser
import Foundation
import Retort

struct RevisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revision", abstract: "Write an empty revision for hand-written changes (data migrations).",
        discussion: """
            With --baseline, write instead the first revision of a project adopting Retort on an existing
            database: it creates everything the models declare. Then 'stamp head' on the existing database
            records it as applied without running it, and 'check' is clean.
            """)

    @Option(name: .shortAndLong, help: "What the revision does.")
    var message: String

    @Flag(help: "Write the first revision, creating the whole schema the models declare (the history must be empty).")
    var baseline = false

    func run() throws {
        let project = try Project()
        if baseline {
            let revision = try project.autogenerator().baseline(message: message)
            Console.out(try project.writer().write(revision).path)
            Console.info("\(revision.id): \(revision.upgrade.count) operation(s); on an existing database run 'stamp head', on a new one 'upgrade head'")
            return
        }
        let date = Date()
        let revision = RevisionInfo(
            id: RevisionID.fresh(date: date, avoiding: Set(project.graph.revisions.keys))[0],
            parents: [try project.graph.singleHead()].compactMap { $0 }, message: message,
            createdAt: RevisionID.timestamp(date), upgrade: [], downgrade: [])
        Console.out(try project.writer().write(revision).path)
    }
}
