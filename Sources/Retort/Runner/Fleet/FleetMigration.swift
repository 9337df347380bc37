import Foundation

/// One revision history applied to many targets: each target migrated exactly as a single
/// database is (its own lock, a transaction per revision, non-transactional revisions resumable),
/// by a `FleetRunner`.
public struct FleetMigration: Sendable {
    /// The revision history.
    public var graph: RevisionGraph
    /// Timeouts for every target's session (`schema` is the target's own).
    public var settings: SessionSettings
    /// Tables and objects Retort does not own.
    public var exclusions: TableFilter
    /// Accept applied revisions whose files were edited since.
    public var acceptChanged: Bool
    /// How the rollout proceeds.
    public var policy: FleetPolicy

    /// A fleet migration of `graph`.
    public init(
        graph: RevisionGraph, settings: SessionSettings = SessionSettings(), exclusions: TableFilter = TableFilter(),
        acceptChanged: Bool = false, policy: FleetPolicy = FleetPolicy()
    ) {
        self.graph = graph
        self.settings = settings
        self.exclusions = exclusions
        self.acceptChanged = acceptChanged
        self.policy = policy
    }

    /// Brings every target up to `revision` (`head`, an id, …); `finished` hears each result.
    public func upgrade(_ targets: [FleetTarget], to revision: String = "head", finished: @escaping @Sendable (FleetResult) -> Void = { _ in })
        -> FleetReport
    {
        let (graph, accept) = (self.graph, acceptChanged)
        let wantsHead = revision == "head" || revision == "heads"
        return runner.run(
            targets,
            needsWork: { target in
                guard wantsHead else { return true }
                return try withMigrator(target) { Set(try $0.heads()) != Set(graph.heads) }
            },
            job: { target in
                migrate(target) { try $0.upgrade(to: revision, acceptChanged: accept) }
            }, finished: finished)
    }

    /// Takes every target down to `revision` (`base`, an id, `-1`, …). With `refuseDataLoss`, a
    /// target where the downgrade would drop tables or columns holding rows fails instead, naming them.
    public func downgrade(
        _ targets: [FleetTarget], to revision: String, refuseDataLoss: Bool = true, finished: @escaping @Sendable (FleetResult) -> Void = { _ in }
    ) -> FleetReport {
        let accept = acceptChanged
        return runner.run(
            targets,
            job: { target in
                migrate(target) { m in
                    if refuseDataLoss {
                        let risks = try m.dataAtRisk(downgradingTo: revision)
                        guard risks.isEmpty else { throw DataLossError(target: revision, risks: risks) }
                    }
                    return try m.downgrade(to: revision, acceptChanged: accept)
                }
            }, finished: finished)
    }

    /// Records every target as being at `revision` without running anything (with `purge`,
    /// forgetting what its version table held first).
    public func stamp(
        _ targets: [FleetTarget], to revision: String, purge: Bool = false, finished: @escaping @Sendable (FleetResult) -> Void = { _ in }
    ) -> FleetReport {
        runner.run(targets, job: { target in migrate(target) { _ = try $0.stamp(revision, purge: purge); return nil } }, finished: finished)
    }

    /// Reads where every target is (`to`), running nothing.
    public func current(_ targets: [FleetTarget], finished: @escaping @Sendable (FleetResult) -> Void = { _ in }) -> FleetReport {
        return readingRunner.run(targets, job: { target in migrate(target, changes: false) { _ in [] } }, finished: finished)
    }

    /// Compares every target with the models, as `check --no-history` does one database: the
    /// revisions it has not applied and what differs, one finding per line. A target with
    /// findings is `drifted`. Schemas of one PostgreSQL database are read together
    /// (`FleetSchemaCheck`: the statements do not grow with the tenants); other targets one by one.
    public func check(_ targets: [FleetTarget], models: Autogenerator, finished: @escaping @Sendable (FleetResult) -> Void = { _ in })
        -> FleetReport
    {
        let (graph, settings, exclusions) = (self.graph, self.settings, self.exclusions)
        var results: [FleetResult?] = Array(repeating: nil, count: targets.count)
        let together = Dictionary(grouping: targets.indices.filter { targets[$0].schema != nil }) { targets[$0].url }.values
            .filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        for group in together {
            let members = group.map { targets[$0] }
            let started = Date()
            let read: [FleetResult]
            do {
                let db = try members[0].url.connect(create: false)
                defer { db.close() }
                var shared = settings
                shared.schema = nil
                try shared.apply(to: db)
                read = try FleetSchemaCheck(graph: graph, models: models).results(members, on: db)
            } catch {
                read = members.map { FleetResult(target: $0, status: .failed, started: started, finished: Date(), error: FleetRunner.line(error)) }
            }
            for (i, result) in zip(group, read) {
                results[i] = result
                finished(result)
            }
        }
        let alone = targets.indices.filter { results[$0] == nil }
        let report = readingRunner.run(
            alone.map { targets[$0] },
            job: { target in
                let started = Date()
                do {
                    return try onTarget(target, create: false) { db in
                        let heads = try Migrator(graph: graph, connection: db, exclusions: exclusions).heads()
                        return FleetResult.checked(
                            target, heads: heads, graph: graph, differences: try models.differences(db).map(\.summary), started: started)
                    }
                } catch {
                    return FleetResult(target: target, status: .failed, started: started, finished: Date(), error: FleetRunner.line(error))
                }
            }, finished: finished)
        for (i, result) in zip(alone, report.results) { results[i] = result }
        return FleetReport(results: results.map { $0! }, stoppedEarly: nil)
    }

    /// Lints, on every target, the revisions it has not applied (or `range`) with its own tables'
    /// sizes: `flagged` when an error no revision acknowledges fails the lint there, `done`
    /// otherwise; `findings` are the findings' headlines.
    public func lint(
        _ targets: [FleetTarget], range: [String]? = nil, largeTableRows: Int64 = 100_000,
        finished: @escaping @Sendable (FleetResult) -> Void = { _ in }
    ) -> FleetReport {
        let graph = self.graph
        return readingRunner.run(
            targets,
            job: { target in
                let started = Date()
                do {
                    return try onTarget(target, create: false) { db in
                        let (_, findings) = try Linter.live(graph, on: db, range: range, largeTableRows: largeTableRows)
                        let heads = try Migrator(graph: graph, connection: db).heads()
                        var result = FleetResult(
                            target: target, status: Linter.fails(findings) ? .flagged : .done, from: heads, to: heads, started: started,
                            finished: Date())
                        result.findings = findings.map(\.headline)
                        return result
                    }
                } catch {
                    return FleetResult(target: target, status: .failed, started: started, finished: Date(), error: FleetRunner.line(error))
                }
            }, finished: finished)
    }

    private var runner: FleetRunner { FleetRunner(policy: policy) }

    /// A target took longer than `FleetPolicy.targetTimeout`.
    struct TargetTimedOut: Error, CustomStringConvertible {
        var description: String
    }

    /// For reads (`current`, `check`): every target is read, whatever failed before it.
    private var readingRunner: FleetRunner {
        var reading = policy
        reading.canary = 0
        reading.maxFailures = Int.max
        return FleetRunner(policy: reading)
    }

    /// Opens the target and hands a migrator for it to `body`, closing it after.
    private func withMigrator<T>(_ target: FleetTarget, _ body: (Migrator) throws -> T) throws -> T {
        // An upgrade creates a missing SQLite file anyway.
        try onTarget(target, create: true) { try body(Migrator(graph: graph, connection: $0, exclusions: exclusions)) }
    }

    /// Opens the target and runs `body` on it within the policy's time limit, closing it after;
    /// past the limit the connection is interrupted and the failure says so (`TargetTimedOut`).
    func onTarget<T>(_ target: FleetTarget, create: Bool, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        let db = try target.connect(settings: settings, create: create)
        defer { db.close() }
        let deadline = TargetDeadline(policy.targetTimeout, db)
        defer { deadline?.cancel() }
        do {
            return try body(db)
        } catch {
            if let deadline, deadline.passed { throw TargetTimedOut(description: deadline.message) }
            throw error
        }
    }

    /// Runs `change` on the target and says what became of it: where it was and is, what ran, or
    /// why it failed (a migration lock another run held past the lock timeout is `busy`). A change
    /// that returns its steps is `done` when it ran one, `unchanged` otherwise (another run may have
    /// moved the target while this one waited for its lock: that is not this run's work); one that
    /// returns nil (`stamp`) is `done` when the recorded revisions moved.
    private func migrate(_ target: FleetTarget, changes: Bool = true, _ change: (Migrator) throws -> [MigrationStep]?) -> FleetResult {
        let started = Date()
        var before: [String] = []
        var after: [String]?
        do {
            return try onTarget(target, create: changes) { db in
                let migrator = Migrator(graph: graph, connection: db, exclusions: exclusions)
                before = try migrator.heads()
                do {
                    let steps = try change(migrator)
                    let now = try migrator.heads()
                    let moved = steps.map { !$0.isEmpty } ?? (before != now)
                    return FleetResult(
                        target: target, status: !changes || moved ? .done : .unchanged, from: before, to: now,
                        applied: (steps ?? []).map(\.revision.id), started: started, finished: Date())
                } catch {
                    after = try? migrator.heads()  // where a failed revision left it: the one before
                    throw error
                }
            }
        } catch {
            // An interrupted connection reads nothing more: where the target was left is read afresh.
            if error is TargetTimedOut { after = try? withMigrator(target) { try $0.heads() } }
            let busy = (error as? DatabaseError)?.isMigrationLockBusy == true
            return FleetResult(
                target: target, status: busy ? .busy : .failed, from: before, to: after ?? before, started: started, finished: Date(),
                error: FleetRunner.line(error))
        }
    }
}

extension FleetResult {
    /// `check`'s result for a target at `heads`: the revisions it has not applied
    /// (`pending revision …`) and `differences` from the models; `drifted` when there is any.
    static func checked(
        _ target: FleetTarget, heads: [String], graph: RevisionGraph, differences: [String], started: Date, finished: Date = Date()
    ) -> FleetResult {
        let applied = graph.ancestors(of: heads)
        let findings = graph.order.filter { !applied.contains($0) }.map { "pending revision \($0)" } + differences
        var result = FleetResult(
            target: target, status: findings.isEmpty ? .done : .drifted, from: heads, to: heads, started: started, finished: finished)
        result.findings = findings
        return result
    }
}
