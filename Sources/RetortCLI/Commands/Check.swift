import ArgumentParser
import Retort

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

    @Flag(help: "With a fleet: also compare the models with the schema the revision history produces (replayed once).")
    var history = false

    @Option(name: .customLong("exclude-table"), help: "A table (or * pattern) Retort does not own; repeatable.")
    var excludeTables: [String] = []

    @Option(
        name: .customLong("exclude-object"), help: "An object of another kind Retort does not own, as KIND:PATTERN (view:report_*); repeatable.",
        transform: TableFilter.objectPattern)
    var excludeObjects: [String] = []

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var fleet: FleetOptions

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
        if fleet.isFleet { return try runFleet(project) }
        let url = try database.resolved(defaultPath: project.tool.defaultDatabasePath)
        let (generator, db, schema) = try project.autogeneratorAndDatabase(database, excluding: excludeTables + excludeObjects)
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

    /// Every target compared with the models, as `--no-history` (the history is the same for
    /// all: `--history` replays it once); identical findings are grouped: "12 of 1000 targets
    /// differ: 10 × …, 2 × …".
    func runFleet(_ project: Project) throws {
        let targets = try fleet.resolve(database, defaultPath: project.tool.defaultDatabasePath)
        let generator = try project.autogenerator(excluding: excludeTables + excludeObjects)
        let migration = project.fleetMigration(database, policy: fleet.policy)
        var historyOps: [String] = []
        if history {
            let replayed = try HistorySchema.replay(project.graph, like: targets[0].url)
            let db = try targets[0].connect(settings: migration.settings, create: false)
            defer { db.close() }
            historyOps = try generator.differences(from: generator.exclusions.apply(replayed), on: db).map(\.summary)
        }
        let report = migration.check(targets, models: generator)
        if format == .json {
            var json = FleetReportJSON(report)
            if history { json.historyDifferences = historyOps }
            try printJSON(json)
        } else {
            for op in historyOps { Console.out("models vs history: \(op)") }
            printGroupedFindings(report, marked: .drifted) { drifted in
                drifted == 0
                    ? "\(targets.count) of \(targets.count) targets match the models and are at head"
                    : "\(drifted) of \(targets.count) targets differ:"
            }
        }
        if !report.allRead { throw CommandExit(status: ExitStatus.fleetFailures) }
        if !historyOps.isEmpty { throw CommandExit(status: ExitStatus.modelsAheadOfHistory) }
        if report.results.contains(where: { $0.status == .drifted }) { throw CommandExit(status: ExitStatus.differences) }
    }
}

