import Foundation

/// How a fleet rollout proceeds.
public struct FleetPolicy: Sendable, Hashable {
    /// How many targets run at once.
    public var parallel: Int
    /// How many targets of one server run at once (nil: no limit beyond `parallel`).
    public var maxConnectionsPerServer: Int?
    /// How many targets that need work go first, on their own; the rollout stops if one fails.
    public var canary: Int
    /// Once this many targets failed, no new target starts (those running finish).
    public var maxFailures: Int
    /// With a size, the targets after the canaries run in waves of this many, each started when
    /// the one before has finished.
    public var waveSize: Int?
    /// The pause between waves, in seconds.
    public var wavePause: TimeInterval
    /// How long one target may take, in seconds (nil: no limit). Past it, its connection is
    /// interrupted (`DatabaseInterrupter`): the revision running is rolled back and the target fails.
    public var targetTimeout: TimeInterval?

    /// A policy; by default four targets at once, no canary, stop after the first failure.
    public init(
        parallel: Int = 4, maxConnectionsPerServer: Int? = nil, canary: Int = 0, maxFailures: Int = 1, waveSize: Int? = nil,
        wavePause: TimeInterval = 0, targetTimeout: TimeInterval? = nil
    ) {
        self.parallel = max(1, parallel)
        self.maxConnectionsPerServer = maxConnectionsPerServer.map { max(1, $0) }
        self.canary = max(0, canary)
        self.maxFailures = max(1, maxFailures)
        self.waveSize = waveSize.map { max(1, $0) }
        self.wavePause = max(0, wavePause)
        self.targetTimeout = targetTimeout.map { max(0, $0) }
    }
}

/// What became of one target.
public struct FleetResult: Sendable, Codable, Hashable {
    /// How the target ended.
    public enum Status: String, Sendable, Codable, Hashable {
        /// The job ran and succeeded (revisions applied, or the target read).
        case done
        /// The target was at the wanted revision already: one quick read.
        case unchanged
        /// The job failed; `error` says why.
        case failed
        /// Another run held the target's migration lock for longer than the lock timeout.
        case busy
        /// The rollout stopped before this target started.
        case notStarted = "not-started"
        /// `check`: the target differs from the models or has revisions to apply (`findings`).
        case drifted
        /// `lint`: an error no revision acknowledges fails the lint on this target (`findings`).
        case flagged
    }

    /// The target's name (its URL without the password, or the name given).
    public var target: String
    /// The target's group, if it has one.
    public var group: String?
    /// How it ended.
    public var status: Status
    /// The revisions it was at before (empty: base).
    public var from: [String]
    /// The revisions it is at after (empty: base, or a target not read: not started, or failed before it was read).
    public var to: [String]
    /// The revisions applied or reverted here.
    public var applied: [String]
    /// When its job started and finished (nil when it did not start).
    public var started: Date?
    /// When its job finished.
    public var finished: Date?
    /// The failure, on one line.
    public var error: String?
    /// True for a canary.
    public var canary: Bool
    /// `check`: what differs, one line each (`pending revision …`, or a model difference's summary);
    /// `lint`: each finding's `headline`.
    public var findings: [String] = []

    /// A result.
    public init(
        target: FleetTarget, status: Status, from: [String] = [], to: [String] = [], applied: [String] = [], started: Date? = nil,
        finished: Date? = nil, error: String? = nil, canary: Bool = false
    ) {
        self.target = target.name
        self.group = target.group
        self.status = status
        self.from = from
        self.to = to
        self.applied = applied
        self.started = started
        self.finished = finished
        self.error = error
        self.canary = canary
    }

    /// The job's wall time, in seconds.
    public var seconds: Double? { started.flatMap { s in finished.map { $0.timeIntervalSince(s) } } }
}

/// What a rollout did, target by target, in the order the targets were given.
public struct FleetReport: Sendable {
    /// One result per target.
    public var results: [FleetResult]
    /// Why the rollout stopped before every target ran (a canary failed, too many failures), if it did.
    public var stoppedEarly: String?

    /// True when every target ended done or unchanged.
    public var succeeded: Bool { results.allSatisfy { $0.status == .done || $0.status == .unchanged } }

    /// True when no target failed, was busy or was left out (drifted and flagged ones count as read).
    public var allRead: Bool { results.allSatisfy { [.done, .unchanged, .drifted, .flagged].contains($0.status) } }

    /// `check`: each finding with the number of targets that have it, the most common first.
    public var groupedFindings: [(finding: String, targets: Int)] {
        var counts: [String: Int] = [:]
        for r in results { for f in Set(r.findings) { counts[f, default: 0] += 1 } }
        return counts.map { ($0.key, $0.value) }.sorted { ($0.targets, $1.finding) > ($1.targets, $0.finding) }
    }
}

/// Runs one job per target on threads of its own (database calls block: they never run on Swift's
/// cooperative pool), at most `parallel` at once and `maxConnectionsPerServer` per server:
/// canaries first, then the rest continuously or in waves, stopping new starts after
/// `maxFailures` failures. It keeps no state a target does not hold: a rerun finds what is left by
/// asking the targets (`needsWork`).
public struct FleetRunner: Sendable {
    /// The rollout's policy.
    public var policy: FleetPolicy

    /// A runner with `policy`.
    public init(policy: FleetPolicy = FleetPolicy()) { self.policy = policy }

    /// Runs `job` on every target that `needsWork` (asked of the canary candidates only, one
    /// quick read each: the job itself finds a target with nothing to do); `finished` hears each
    /// result as it comes (from the worker threads, one at a time).
    public func run(
        _ targets: [FleetTarget], needsWork: @escaping @Sendable (FleetTarget) throws -> Bool = { _ in true },
        job: @escaping @Sendable (FleetTarget) -> FleetResult, finished: @escaping @Sendable (FleetResult) -> Void = { _ in }
    ) -> FleetReport {
        let state = FleetState(targets.count, policy: policy, finished: finished)
        // Canaries: the first targets that need work, alone; the ones passed over are unchanged.
        var canaries: [Int] = []
        var next = 0
        while canaries.count < policy.canary, next < targets.count {
            do {
                if try needsWork(targets[next]) {
                    canaries.append(next)
                } else {
                    state.record(next, FleetResult(target: targets[next], status: .unchanged))
                }
            } catch {
                state.record(next, FleetResult(target: targets[next], status: .failed, error: Self.line(error)))
            }
            next += 1
        }
        run(canaries, of: targets, canary: true, state: state, job: job)
        if state.failures > 0 {
            state.stop("a canary failed")
        } else {
            let rest = Array(next..<targets.count)
            let waves = policy.waveSize.map { size in stride(from: 0, to: rest.count, by: size).map { Array(rest[$0..<min($0 + size, rest.count)]) } } ?? [rest]
            for (i, wave) in waves.enumerated() where !state.stopped {
                if i > 0, policy.wavePause > 0 { Thread.sleep(forTimeInterval: policy.wavePause) }
                run(wave, of: targets, canary: false, state: state, job: job)
            }
        }
        return state.report(targets)
    }

    /// Runs the jobs of `indices` on up to `parallel` threads and returns when all have finished
    /// (or, once the rollout stopped, when the running ones have).
    private func run(
        _ indices: [Int], of targets: [FleetTarget], canary: Bool, state: FleetState, job: @escaping @Sendable (FleetTarget) -> FleetResult
    ) {
        guard !indices.isEmpty else { return }
        state.enqueue(indices, servers: indices.map { targets[$0].server })
        let workers = min(policy.parallel, indices.count)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                while let i = state.take() {
                    var result = job(targets[i])
                    result.canary = canary
                    state.done(i, server: targets[i].server, result)
                }
                group.leave()
            }
            thread.name = "retort-fleet"
            thread.start()
        }
        group.wait()
    }

    static func line(_ error: any Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// The rollout's shared state, touched by the worker threads.
///
/// `@unchecked Sendable` is safe: every stored property is read and written only while `lock` is
/// held (each method takes it first), and `finished` is called under it, one result at a time.
private final class FleetState: @unchecked Sendable {
    private let lock = NSCondition()
    private var results: [FleetResult?]
    private var queue: [(index: Int, server: String)] = []
    private var running: [String: Int] = [:]
    private var failed = 0
    private var stopReason: String?
    private let policy: FleetPolicy
    private let finished: @Sendable (FleetResult) -> Void

    init(_ count: Int, policy: FleetPolicy, finished: @escaping @Sendable (FleetResult) -> Void) {
        results = Array(repeating: nil, count: count)
        self.policy = policy
        self.finished = finished
    }

    var failures: Int { lock.withLock { failed } }
    var stopped: Bool { lock.withLock { stopReason != nil } }

    func stop(_ reason: String) { lock.withLock { stopReason = reason } }

    func enqueue(_ indices: [Int], servers: [String]) { lock.withLock { queue += zip(indices, servers).map { ($0, $1) } } }

    /// The next target to start, waiting while every queued one's server is at its limit; nil
    /// when the queue is empty or the rollout has stopped.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        while true {
            if stopReason != nil || queue.isEmpty { return nil }
            let limit = policy.maxConnectionsPerServer ?? Int.max
            if let k = queue.firstIndex(where: { running[$0.server, default: 0] < limit }) {
                let (index, server) = queue.remove(at: k)
                running[server, default: 0] += 1
                return index
            }
            lock.wait()
        }
    }

    func done(_ index: Int, server: String, _ result: FleetResult) {
        lock.lock()
        defer { lock.unlock() }
        running[server, default: 1] -= 1
        record(locked: index, result)
        lock.broadcast()
    }

    func record(_ index: Int, _ result: FleetResult) { lock.withLock { record(locked: index, result) } }

    private func record(locked index: Int, _ result: FleetResult) {
        results[index] = result
        if result.status == .failed {
            failed += 1
            if failed >= policy.maxFailures, stopReason == nil { stopReason = "\(failed) target(s) failed (--max-failures \(policy.maxFailures))" }
        }
        finished(result)
    }

    func report(_ targets: [FleetTarget]) -> FleetReport {
        lock.withLock {
            FleetReport(
                results: targets.indices.map { results[$0] ?? FleetResult(target: targets[$0], status: .notStarted) },
                stoppedEarly: results.contains { $0 == nil } ? stopReason : nil)
        }
    }
}
