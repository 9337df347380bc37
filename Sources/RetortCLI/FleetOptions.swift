import ArgumentParser
import Foundation
import Retort

/// A fleet instead of one database: `--each-schema`, `--each-database`, `--targets`,
/// `--targets-query`, and how the rollout proceeds.
struct FleetOptions: ParsableArguments {
    @Option(help: "Every schema of the --url database matching PATTERN (`*` for any run of characters), one target each.")
    var eachSchema: String?

    @Option(help: "Every database of the --url server matching PATTERN, one target each.")
    var eachDatabase: String?

    @Option(help: "A file of targets: JSON [{\"url\", \"name\", \"group\"}] or lines `URL [NAME [GROUP]]`; an SQLite URL may be a glob.")
    var targets: String?

    @Option(help: "A query on the --url database returning one target URL per row (then an optional name and group).")
    var targetsQuery: String?

    @Option(help: "How many targets run at once (default 4).")
    var parallel: Int = 4

    @Option(help: "How many targets of one server run at once (default: no limit beyond --parallel).")
    var maxConnectionsPerServer: Int?

    @Option(help: "The first N targets that need work go first, on their own; the rollout stops if one fails.")
    var canary: Int = 0

    @Option(help: "After the canaries, start targets in waves of this many.")
    var waveSize: Int?

    @Option(help: "Seconds to wait between waves.")
    var wavePause: Double = 0

    @Option(help: "Start no new target once this many have failed (default 1).")
    var maxFailures: Int = 1

    @Option(help: "Seconds one target may take; past them its work is interrupted, its running revision rolled back, and it fails.")
    var targetTimeout: Double?

    /// True when a fleet was asked for.
    var isFleet: Bool { [eachSchema, eachDatabase, targets, targetsQuery].contains { $0 != nil } }

    var policy: FleetPolicy {
        FleetPolicy(
            parallel: parallel, maxConnectionsPerServer: maxConnectionsPerServer, canary: canary, maxFailures: maxFailures,
            waveSize: waveSize, wavePause: wavePause, targetTimeout: targetTimeout)
    }

    /// The targets, in order.
    func resolve(_ database: DatabaseOptions, defaultPath: String) throws -> [FleetTarget] {
        let given = [eachSchema, eachDatabase, targets, targetsQuery].compactMap { $0 }
        guard given.count == 1 else {
            throw UsageError(description: "give one of --each-schema, --each-database, --targets and --targets-query")
        }
        guard parallel >= 1, maxFailures >= 1, canary >= 0, (waveSize ?? 1) >= 1, (maxConnectionsPerServer ?? 1) >= 1, wavePause >= 0,
              (targetTimeout ?? 1) > 0 else {
            throw UsageError(description: "--parallel, --max-failures, --wave-size and --max-connections-per-server are at least 1; --canary and --wave-pause at least 0; --target-timeout above 0")
        }
        if database.schema != nil { throw UsageError(description: "--schema names one schema; a fleet names its own (--each-schema)") }
        let targets: [FleetTarget]
        if let targetsFile = self.targets {
            targets = try FleetTargets.file(targetsFile)
        } else {
            let url = try database.resolved(defaultPath: defaultPath)
            if let pattern = eachSchema { targets = try FleetTargets.eachSchema(pattern, on: url) }
            else if let pattern = eachDatabase { targets = try FleetTargets.eachDatabase(pattern, on: url) }
            else { targets = try FleetTargets.query(targetsQuery ?? "", on: url) }
        }
        guard !targets.isEmpty else { throw UsageError(description: "the fleet has no targets: nothing matches") }
        return targets
    }

    /// Runs a rollout, printing one line per finished target (a live line on a terminal), then a
    /// summary or the JSON report; exits 20 when a target failed, 21 when the rollout stopped early.
    func report(_ format: OutputFormat, total: Int, _ rollout: (@escaping @Sendable (FleetResult) -> Void) -> FleetReport) throws {
        let progress = FleetProgress(total: total, live: format == .text && isatty(STDERR_FILENO) != 0)
        let report = rollout { progress.finished($0) }
        progress.end()
        if format == .json {
            try printJSON(FleetReportJSON(report))
        } else {
            var counts: [FleetResult.Status: Int] = [:]
            for r in report.results { counts[r.status, default: 0] += 1 }
            let order: [FleetResult.Status] = [.done, .unchanged, .drifted, .flagged, .failed, .busy, .notStarted]
            Console.out(order.compactMap { s in counts[s].map { "\($0) \(s.rawValue)" } }.joined(separator: ", "))
            for r in report.results where r.status == .failed || r.status == .busy {
                Console.out("\(r.status.rawValue): \(r.target): \(r.error ?? "")")
            }
            if let why = report.stoppedEarly { Console.info("stopped early: \(why); run the same command again to go on") }
        }
        if report.stoppedEarly != nil { throw CommandExit(status: ExitStatus.fleetStopped) }
        if !report.succeeded { throw CommandExit(status: ExitStatus.fleetFailures) }
    }
}

/// `check` and `lint` over a fleet as text: `header` for the number of targets with `status` (no
/// line when nil), each finding with the number of targets that have it, the first 20 of those
/// targets, and every failure.
func printGroupedFindings(_ report: FleetReport, marked status: FleetResult.Status, header: (Int) -> String?) {
    let marked = report.results.filter { $0.status == status }
    if let line = header(marked.count) { Console.out(line) }
    for (finding, count) in report.groupedFindings { Console.out("  \(count) × \(finding)") }
    for r in marked.prefix(20) { Console.out("  \(r.target): \(r.findings.count) finding(s)") }
    if marked.count > 20 { Console.out("  … and \(marked.count - 20) more (--format json lists each)") }
    for r in report.results where r.status == .failed { Console.out("failed: \(r.target): \(r.error ?? "")") }
}

/// Finished targets as they come: a line each, or one live line on a terminal.
final class FleetProgress: @unchecked Sendable {
    // Safe: `lock` guards every stored property, and each method takes it first.
    private let lock = NSLock()
    private let total: Int
    private let live: Bool
    private let started = Date()
    private var counts: [FleetResult.Status: Int] = [:]

    init(total: Int, live: Bool) {
        self.total = total
        self.live = live
    }

    func finished(_ result: FleetResult) {
        lock.withLock {
            counts[result.status, default: 0] += 1
            let finished = counts.values.reduce(0, +)
            if live {
                let seconds = Date().timeIntervalSince(started)
                let rate = seconds > 0 ? Double(finished) / seconds : 0
                let eta = rate > 0 ? Double(total - finished) / rate : 0
                FileHandle.standardError.write(Data(String(
                    format: "\r%d done, %d failed, %d remaining, %.1f targets/s, ETA %.0f s   ",
                    (counts[.done] ?? 0) + (counts[.unchanged] ?? 0), counts[.failed] ?? 0, total - finished, rate, eta).utf8))
            } else {
                let move = result.from == result.to ? (result.to.first ?? "base") : "\(result.from.first ?? "base") → \(result.to.first ?? "base")"
                Console.info("\(result.status.rawValue): \(result.target) (\(move))\(result.error.map { ": \($0)" } ?? "")")
            }
        }
    }

    func end() { if live { lock.withLock { FileHandle.standardError.write(Data("\n".utf8)) } } }
}

/// `--format json` of a rollout (schema/fleet.schema.json).
struct FleetReportJSON: Encodable {
    var succeeded: Bool
    var stoppedEarly: String?
    var targets: [Target]
    /// `check --history`: how the models differ from the schema the history produces.
    var historyDifferences: [String]?

    struct Target: Encodable {
        var target: String
        var group: String?
        var status: String
        var canary: Bool
        var from: [String]
        var to: [String]
        var applied: [String]
        var started: String?
        var finished: String?
        var seconds: Double?
        var error: String?
        var findings: [String]?
    }

    init(_ report: FleetReport) {
        let time = ISO8601DateFormatter()
        time.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        succeeded = report.succeeded
        stoppedEarly = report.stoppedEarly
        targets = report.results.map { r in
            Target(
                target: r.target, group: r.group, status: r.status.rawValue, canary: r.canary, from: r.from, to: r.to, applied: r.applied,
                started: r.started.map(time.string), finished: r.finished.map(time.string), seconds: r.seconds, error: r.error,
                findings: r.findings.isEmpty ? nil : r.findings)
        }
    }
}
