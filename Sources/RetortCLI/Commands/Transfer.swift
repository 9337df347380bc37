import ArgumentParser
import Foundation
import Retort

/// `transfer --from sqlite:///app.db --to postgres://…`: copy and verify every table's rows.
public struct TransferCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Copy an SQLite database's rows into PostgreSQL, converted by the target's column types, and verify them.",
        discussion: """
            In a migrate tool the target is first brought to head and must match the models; the stand-alone
            retort creates missing target tables from the SQLite schema (types mapped as docs/transfer.md
            lists). Tables are copied in foreign-key order with COPY, each in one transaction; a value that
            cannot be converted exactly rejects its row (and its children's rows). Afterwards each table's
            row counts and content checksums, computed by each database's own SQL, and the target's foreign
            keys are checked. Exits 1 on a mismatch, 4 when rows were rejected beyond --max-rejects or the
            copy failed (that table is rolled back; --resume continues).
            """)

    @Option(help: "The SQLite database to read (sqlite:///relative.db or sqlite:////absolute.db).")
    var from: String

    @Option(help: "The PostgreSQL database to fill (default in a migrate tool: --url, else DATABASE_URL).")
    var to: String?

    @Option(name: .customLong("table"), help: "A table to copy; repeatable (default: every source table).")
    var tables: [String] = []

    @Flag(help: "Empty target tables that already hold rows (otherwise they are refused).")
    var truncate = false

    @Flag(help: "Skip tables an earlier run verified; copy the others again.")
    var resume = false

    @Option(help: "How many rows may be rejected before the transfer fails.")
    var maxRejects = 0

    @Option(help: "The zone of source date-times that name none (IANA name; default UTC).")
    var timezone: String?

    @Flag(help: "Only verify an earlier transfer: counts, checksums, foreign keys.")
    var verifyOnly = false

    @Option(help: "Write every rejected value as a JSON line to this file.")
    var rejects: String?

    @Option(help: "text or json (schema/transfer.schema.json).")
    var format: OutputFormat = .text

    @Option(help: "PostgreSQL schema to fill (default: the search_path, usually public).")
    var schema: String?

    public init() {}

    public func run() throws {
        guard case .sqlite(let path) = try DatabaseURL(from) else {
            throw UsageError(description: "--from must be an SQLite URL (sqlite:///app.db)")
        }
        let tool = MigrateTool.current
        let targetURL: DatabaseURL
        if let to {
            targetURL = try DatabaseURL(to)
        } else if let env = ProcessInfo.processInfo.environment["DATABASE_URL"], !env.isEmpty, tool != nil {
            targetURL = try DatabaseURL(env)
        } else {
            throw UsageError(description: "--to is required (a postgres:// URL)")
        }
        guard case .postgres(let pgURL) = targetURL else { throw UsageError(description: "--to must be a PostgreSQL URL") }
        var options = TransferOptions()
        options.tables = tables
        options.truncate = truncate
        options.resume = resume
        options.maxRejects = maxRejects
        options.createMissingTables = tool == nil
        if let timezone {
            guard let zone = TimeZone(identifier: timezone) else { throw UsageError(description: "unknown time zone '\(timezone)'") }
            options.timeZone = zone
        }
        let source = try SQLiteConnection(path: path, create: false, singleThread: true)
        defer { source.close() }
        let target = try PostgresConnection(url: pgURL)
        defer { target.close() }
        try SessionSettings(schema: schema).apply(to: target)
        if let tool, !verifyOnly { try bringToHead(target, tool: tool) }
        let sink = try rejects.map { path -> FileHandle in
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw UsageError(description: "cannot write the rejects file '\(path)'")
            }
            return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
        defer { try? sink?.close() }
        var shown = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let transfer = Transfer(
            from: source, to: target, options: options, progress: ProgressLine.show,
            onReject: { reject in
                if let sink, let data = try? encoder.encode(reject) { sink.write(data + Data("\n".utf8)) }
                if shown < 20 { Console.info("rejected: \(reject.line)") }
                if shown == 20 { Console.info("rejected: … (more; --rejects FILE lists them all)") }
                shown += 1
            },
            notice: { Console.info("note: \($0)") })
        let report = try verifyOnly ? transfer.verifyOnly() : transfer.run()
        if format == .json {
            try printJSON(report)
        } else {
            report.lines.forEach(Console.out)
        }
        if !report.ok {
            Console.error("verification found differences (see the table above); the target keeps the copied rows")
            throw CommandExit(status: ExitStatus.differences)
        }
        if report.rejectedRows > 0 { Console.info("\(report.rejectedRows) row(s) rejected: listed in the target's \(RetortTables.transferRejects) table") }
    }

    /// The migrate tool's target: upgraded to head, and equal to the models.
    private func bringToHead(_ db: PostgresConnection, tool: MigrateTool) throws {
        let graph = try tool.revisions.graph()
        let migrator = Migrator(graph: graph, connection: db, exclusions: tool.exclusions()) { Console.info($0) }
        _ = try migrator.upgrade(to: "heads")
        let generator = try Autogenerator(models: tool.schema, graph: graph, excluding: tool.exclusions())
        // Keys an unfinished transfer detached are added back when it completes.
        let detached = try Transfer.detachedKeys(on: db)
        let left = try generator.differences(db).filter { op in
            if case .addConstraint(let table, .foreignKey(let fk)) = op { return !detached.contains("\(table).\(fk.name ?? "")") }
            return true
        }
        guard left.isEmpty else {
            throw TransferError("the target at head differs from the models (\(left[0].summary)); run autogen first")
        }
    }
}

/// A progress bar per table on a terminal (stderr), a plain line per table otherwise.
enum ProgressLine {
    static let isTerminal = isatty(STDERR_FILENO) == 1

    static func show(_ p: TransferProgress) {
        let rate = p.seconds > 0 ? Int(Double(p.rows) / p.seconds) : 0
        let rejected = p.rejected > 0 ? ", \(p.rejected) rejected" : ""
        if isTerminal {
            let fraction = p.total > 0 ? min(1, Double(p.rows) / Double(p.total)) : 1
            let filled = Int(fraction * 30)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
            let text = "\r\u{1B}[K\(p.table) [\(bar)] \(p.rows)/\(p.total) rows, \(rate) rows/s\(rejected)"
            FileHandle.standardError.write(Data((text + (p.finished ? "\n" : "")).utf8))
        } else if p.finished {
            Console.info("\(p.table): \(p.rows) rows in \(String(format: "%.2f", p.seconds)) s (\(rate) rows/s)\(rejected)")
        }
    }
}
