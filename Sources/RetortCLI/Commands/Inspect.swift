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

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check for drift: unapplied revisions, models vs database, models vs revision history, edited revisions.",
        discussion: """
            Exit 0 when all is clean. Otherwise the first finding, in this order, sets the status:
            12 an applied revision was edited or deleted; 10 revisions are not applied yet;
            11 the models differ from the schema the revision history produces (a model was edited
            without running autogen); 1 the database differs from the models (changed by hand).
            """)

    @Option(help: "text or json (schema/check.schema.json).")
    var format: OutputFormat = .text

    @Flag(help: "Skip replaying the history into a scratch database.")
    var noHistory = false

    @Option(name: .customLong("exclude-table"), help: "A table (or * pattern) Retort does not own; repeatable.")
    var excludeTables: [String] = []

    @OptionGroup var database: DatabaseOptions

    struct Output: Encodable {
        var clean: Bool
        var status: Int32
        var pendingRevisions: [String]
        var modelDifferences: [String]
        var historyDifferences: [String]
        var integrityProblems: [IntegrityProblem]
    }

    func run() throws {
        let project = try Project()
        let url = try database.resolved(defaultPath: project.tool.defaultDatabasePath)
        let (generator, db, schema) = try project.autogeneratorAndDatabase(database, excluding: excludeTables)
        defer { db.close() }
        let migrator = Migrator(graph: project.graph, connection: db)
        let integrity = try migrator.integrityProblems()
        let applied = project.graph.ancestors(of: try migrator.knownHeads())
        let pending = project.graph.order.filter { !applied.contains($0) }
        var notices = Set<String>()
        let modelOps = try generator.differences(from: schema, on: db) { notices.insert($0) }
        var historyOps: [MigrationOperation] = []
        if !noHistory {
            let history = try HistorySchema.replay(project.graph, like: url)
            historyOps = try generator.differences(from: generator.exclusions.apply(history), on: db) { notices.insert($0) }
        }
        notices.sorted().forEach { Console.info("note: \($0)") }
        // The most upstream cause decides the status: pending revisions and unrevised model edits
        // explain a models-vs-database difference, so that one counts only when nothing else does.
        var status = ExitStatus.ok
        for (found, code) in [
            (!integrity.isEmpty, ExitStatus.editedRevisions), (!pending.isEmpty, ExitStatus.pendingRevisions),
            (!historyOps.isEmpty, ExitStatus.modelsAheadOfHistory), (!modelOps.isEmpty, ExitStatus.differences),
        ] where found && status == ExitStatus.ok {
            status = code
        }
        if format == .json {
            try printJSON(
                Output(
                    clean: status == ExitStatus.ok, status: status, pendingRevisions: pending,
                    modelDifferences: modelOps.map(\.summary), historyDifferences: historyOps.map(\.summary),
                    integrityProblems: integrity))
        } else {
            for p in integrity { Console.out("edited revision: \(p.description)") }
            for id in pending { Console.out("pending revision: \(id), \(project.graph[id].message)") }
            for op in modelOps { Console.out("models vs database: \(op.summary)") }
            for op in historyOps { Console.out("models vs history: \(op.summary)") }
            if status == ExitStatus.ok {
                Console.info("ok: the database is at head and matches the models and the revision history")
            } else {
                var hints: [String] = []
                if !pending.isEmpty { hints.append("run 'upgrade head'") }
                if !historyOps.isEmpty { hints.append("run 'autogen -m MESSAGE' for the model changes") }
                if !integrity.isEmpty { hints.append("restore edited revisions or 'upgrade --accept-changed'") }
                Console.info("drift found\(hints.isEmpty ? "" : ": " + hints.joined(separator: "; "))")
            }
        }
        if status != ExitStatus.ok { throw CommandExit(status: status) }
    }
}
