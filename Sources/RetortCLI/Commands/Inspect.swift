import ArgumentParser
import Retort

struct Current: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the revision(s) the database is at.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let project = try Project()
        let db = try project.connect(database)
        defer { db.close() }
        let heads = try Migrator(graph: project.graph, connection: db).heads()
        if heads.isEmpty {
            Console.out("base")
            return
        }
        for id in heads {
            guard project.graph.revisions[id] != nil else {
                throw RevisionError("the database is at revision '\(id)', which no revision file defines")
            }
            Console.out("\(id)\(project.graph.heads.contains(id) ? " (head)" : ""), \(project.graph[id].message)")
        }
    }
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the revisions, newest first.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Do not read the database to mark the current revision.")
    var offline = false

    func run() throws {
        let project = try Project()
        var applied = Set<String>()
        if !offline {
            let db = try project.connect(database)
            defer { db.close() }
            applied = Set(try Migrator(graph: project.graph, connection: db).heads())
        }
        for id in project.graph.order.reversed() { Console.out(project.line(id, applied: applied)) }
    }
}

struct Heads: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the revisions that have no children.")

    func run() throws {
        let project = try Project()
        for id in project.graph.heads { Console.out(project.line(id)) }
    }
}

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
        Console.out("Downgrade:")
        for op in r.downgrade { Console.out("  \(op.summary)") }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exit 0 when the models match the database, 1 (listing the differences) when they do not.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let project = try Project()
        let generator = try project.autogenerator()
        let db = try project.connect(database)
        defer { db.close() }
        let ops = try generator.differences(db)
        if ops.isEmpty {
            Console.info("ok: the models match the database")
            return
        }
        for op in ops { Console.out(op.summary) }
        Console.info("\(ops.count) difference(s) between the models and the database; run 'autogen -m MESSAGE'")
        throw CommandExit(status: ExitStatus.differences)
    }
}
