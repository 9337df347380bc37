import ArgumentParser
import Foundation
import Retort

struct Autogen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the models with the database and write the difference as a new revision.")

    @Option(name: .shortAndLong, help: "What the revision does.")
    var message: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let project = try Project()
        let generator = try project.autogenerator()
        let db = try project.connect(database)
        defer { db.close() }
        guard let revision = try generator.revision(message: message, db: db) else {
            Console.info("no changes: the models match the database")
            return
        }
        let url = try project.writer().write(revision)
        for op in revision.upgrade { Console.info("  \(op.summary)") }
        Console.out(url.path)
    }
}

struct RevisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revision", abstract: "Write an empty revision for hand-written changes (data migrations).")

    @Option(name: .shortAndLong, help: "What the revision does.")
    var message: String

    func run() throws {
        let project = try Project()
        let date = Date()
        let revision = RevisionInfo(
            id: RevisionID.make(date: date), parents: [try project.graph.singleHead()].compactMap { $0 }, message: message,
            createdAt: RevisionID.timestamp(date), upgrade: [], downgrade: [])
        Console.out(try project.writer().write(revision).path)
    }
}
