import Foundation

/// A revision that failed; the database stays at the revision before it.
public struct MigrationError: Error, CustomStringConvertible, Sendable {
    /// The step that failed: `upgrade of revision r1 (add x)`.
    public var step: String
    /// Why it failed.
    public var reason: String
    /// Where the database stays: its applied heads, or `base`.
    public var state: String

    public var description: String {
        "\(step) failed and was rolled back: \(reason); the database is still at \(state)"
    }
}

/// Applies and reverts revisions on a live database, or renders them as SQL.
public final class Migrator {
    /// The revision history.
    public let graph: RevisionGraph
    /// The database migrated.
    public let db: any DatabaseConnection
    /// The connected database's dialect.
    public let dialect: any Dialect
    /// Receives one line per revision applied or reverted.
    public var log: (String) -> Void
    /// Tables Retort does not own: a revision that would change one fails before it runs.
    public var exclusions: TableFilter

    /// A migrator for these revisions on this connection.
    public init(
        graph: RevisionGraph, connection: any DatabaseConnection, exclusions: TableFilter = TableFilter(),
        log: @escaping (String) -> Void = { _ in }
    ) {
        self.graph = graph
        self.db = connection
        self.dialect = connection.dialect.implementation
        self.exclusions = exclusions
        self.log = log
    }

    private var path: MigrationPath { MigrationPath(graph: graph) }

    /// How steps of non-transactional revisions wait for locks.
    public var lockPolicy = LockPolicy.standard

    /// PostgreSQL-only details already reported in this run (each is reported once).
    private let reported = ReportedNotes()

    /// The applied heads recorded in the version table, as revisions of this graph.
    public func heads() throws -> [String] {
        try Self.translate(VersionTable.heads(db), graph: graph).sorted()
    }

    /// The applied heads that some revision file defines (a deleted one left out), for reports
    /// that list integrity problems themselves.
    public func knownHeads() throws -> [String] {
        try VersionTable.heads(db).compactMap { graph.current(for: $0) }.sorted()
    }

    /// Recorded ids as revisions of the graph (following `replaces`); an id no file defines is an
    /// `IntegrityError`, the same one `upgrade`, `current` and `check` report.
    static func translate(_ recorded: [String], graph: RevisionGraph) throws -> Set<String> {
        let missing = recorded.filter { graph.current(for: $0) == nil }.sorted()
        guard missing.isEmpty else {
            throw IntegrityError(problems: missing.map { IntegrityProblem(revision: $0, kind: .deleted) })
        }
        return Set(recorded.compactMap { graph.current(for: $0) })
    }

    /// Applies revisions up to `target` (`head`, `heads`, an id or prefix, `+N`, `<rev>+N`); returns what ran.
    @discardableResult
    public func upgrade(to target: String, acceptChanged: Bool = false) throws -> [MigrationStep] {
        try dialect.lock(db)
        defer { try? dialect.unlock(db) }
        // Everything that can refuse is checked before --accept-changed writes anything.
        let targets = try path.upgradeTargets(target, heads: Set(heads()))
        try verifyIntegrity(accept: acceptChanged)
        var done: [MigrationStep] = []
        while let step = try runStep({ heads in path.upgradePlan(to: targets, heads: heads).first }) {
            done.append(step)
        }
        return done
    }

    /// Reverts revisions down to `target` (`base`, an id or prefix, `-N`, `<rev>-N`); returns what ran.
    @discardableResult
    public func downgrade(to target: String, acceptChanged: Bool = false) throws -> [MigrationStep] {
        try dialect.lock(db)
        defer { try? dialect.unlock(db) }
        let plan = try path.downgradePlan(target, heads: Set(heads()))
        try verifyIntegrity(accept: acceptChanged)
        var done: [MigrationStep] = []
        for planned in plan {
            // Re-read the heads under the lock: skip what another process already reverted.
            if let step = try runStep({ heads in heads.contains(planned.revision.id) ? planned : nil }) { done.append(step) }
        }
        return done
    }

    /// Applied revisions whose files were edited or deleted since.
    public func integrityProblems() throws -> [IntegrityProblem] {
        let heads = try VersionTable.heads(db)
        return AppliedRevisions.problems(try AppliedRevisions.verifyRecorded(db, heads: heads), heads: heads, graph: graph)
    }

    /// Throws `IntegrityError` for edited or deleted applied revisions, or with `accept` records
    /// the files as they are now.
    private func verifyIntegrity(accept: Bool) throws {
        let problems = try integrityProblems()
        guard !problems.isEmpty else { return }
        guard accept else { throw IntegrityError(problems: problems) }
        try db.inTransaction(begin: dialect.beginTransaction) { _ in
            for p in problems {
                if p.kind == .edited {
                    for sql in AppliedRevisions.record(graph[p.revision]) { try db.execute(sql) }
                } else {
                    try db.execute(AppliedRevisions.forget(p.revision))
                }
            }
        }
        log("accepted the current files of \(problems.map(\.revision).joined(separator: ", "))")
    }

    /// Records `target` (`base`, `head`, `heads`, an id or prefix) as the applied heads without
    /// running any migration; `purge` first forgets whatever is recorded, even ids no file defines.
    public func stamp(_ target: String, purge: Bool = false) throws -> [String] {
        let wanted = try MigrationPath(graph: graph).stampTargets(target)
        try dialect.lock(db)
        defer { try? dialect.unlock(db) }
        try db.inTransaction(begin: dialect.beginTransaction) { _ in
            try db.execute(VersionTable.createSQL)
            // Whatever the table holds (NULL or repeated rows written by hand included) is replaced.
            let recorded = Set(try VersionTable.rows(db).compactMap { $0 })
            if !purge { _ = try Self.translate(Array(recorded), graph: graph) }
            try db.execute(VersionTable.clearSQL)
            for sql in VersionTable.updateSQL(from: [], to: wanted) { try db.execute(sql) }
            try db.execute(AppliedRevisions.createSQL)
            try db.execute("DELETE FROM \(SQLText.quote(AppliedRevisions.name))")
            let applied = graph.ancestors(of: wanted)
            for id in graph.order where applied.contains(id) {
                for sql in AppliedRevisions.record(graph[id]) { try db.execute(sql) }
            }
        }
        log("stamped \(wanted.isEmpty ? "base" : wanted.sorted().joined(separator: ", "))")
        return wanted.sorted()
    }

    /// Runs one revision in its own transaction with its version-table update; nil when nothing is left.
    private func runStep(_ next: (Set<String>) throws -> MigrationStep?) throws -> MigrationStep? {
        for sql in dialect.beforeTransaction { try db.execute(sql) }
        defer { for sql in dialect.afterTransaction { try? db.execute(sql) } }
        var current: MigrationStep?
        do {
            let step = try db.inTransaction(begin: dialect.beginTransaction) { transaction -> MigrationStep? in
                try db.execute(VersionTable.createSQL)
                try db.execute(AppliedRevisions.createSQL)
                let recorded = Set(try VersionTable.heads(db))
                let heads = try Self.translate(Array(recorded), graph: graph)
                guard let step = try next(heads) else { return nil }
                current = step
                if step.direction == .downgrade, !step.revision.unusedReverses.isEmpty {
                    log("note: revision \(step.revision.id) declares its own downgrade; the reverse: of its upgrade steps is not used")
                }
                let operations = step.direction == .upgrade ? step.revision.upgrade : step.revision.downgrade
                for detail in dialect.portabilityNotes(operations) where reported.insert(detail) { log("note: \(detail)") }
                if let touched = operations.compactMap(\.tableName).first(where: exclusions.excludes) {
                    throw RevisionError("it changes table '\(touched)', which is excluded (Retort does not own it)")
                }
                if let touched = operations.compactMap(\.object).first(where: exclusions.excludes) {
                    throw RevisionError("it changes \(touched), which is excluded (Retort does not own it)")
                }
                if step.revision.transactional, dialect.traits.concurrentIndexBuilds,
                    let op = operations.first(where: \.runsOutsideTransaction)
                {
                    throw RevisionError(
                        "it holds a step that cannot run inside a transaction (\(op.summary)); declare `static let transactional = false` in the revision")
                }
                if !step.revision.transactional {
                    // The step is chosen; its operations commit one by one, then the version table moves.
                    try transaction.commit(thenOutside: { try runResumable(step, operations) })
                    let recordedNow = Set(try VersionTable.heads(db))
                    let headsNow = try Self.translate(Array(recordedNow), graph: graph)
                    for sql in VersionTable.updateSQL(from: recordedNow, to: path.heads(after: step, from: headsNow)) { try db.execute(sql) }
                } else {
                    try execute(operations, schema: try dialect.introspect(db))
                    for sql in VersionTable.updateSQL(from: recorded, to: path.heads(after: step, from: heads)) { try db.execute(sql) }
                }
                for sql in step.direction == .upgrade ? AppliedRevisions.record(step.revision) : [AppliedRevisions.forget(step.revision.id)] {
                    try db.execute(sql)
                }
                if !step.revision.transactional { try db.execute(ProgressTable.clearSQL(revision: step.revision.id)) }
                try dialect.verifyBeforeCommit(db)
                return step
            }
            if let step {
                log("\(step.direction == .upgrade ? "applied" : "reverted") \(step.revision.id): \(step.revision.message)")
            }
            return step
        } catch {
            guard let step = current else { throw error }
            let state = (try? VersionTable.heads(db))?.joined(separator: ", ") ?? "?"
            throw MigrationError(
                step: "\(step.direction.rawValue) of revision \(step.revision.id) (\(step.revision.message))", reason: "\(error)",
                state: state.isEmpty ? "base" : state)
        }
    }

    /// Runs a non-transactional revision's operations one by one, resuming after the last one the
    /// progress table records: a step PostgreSQL cannot run in a transaction runs alone (the
    /// database's state decides whether a killed run finished it), every other step commits in its
    /// own transaction together with its progress record, so each takes effect once.
    private func runResumable(_ step: MigrationStep, _ operations: [MigrationOperation]) throws {
        let id = step.revision.id, direction = step.direction.rawValue
        try db.execute(ProgressTable.createSQL)
        let (done, position) = try ProgressTable.done(db, revision: id, direction: direction)
        if done > 0 || position != nil {
            log("resuming \(direction) of \(id) after step \(done) of \(operations.count)\(position.map { " (batches done up to key \($0))" } ?? "")")
        }
        var schema = try dialect.introspect(db)
        let previousTimeout = try dialect.lockTimeout(on: db)
        defer { if let previousTimeout { try? dialect.setLockTimeout(previousTimeout, on: db) } }
        for (i, op) in operations.enumerated() where i >= done {
            do {
                try withLockRetries(op, step: i + 1) {
                    try runResumableStep(op, index: i, revision: id, direction: direction, schema: schema)
                }
            } catch {
                throw RevisionError(
                    "step \(i + 1) of \(operations.count) (\(op.summary)) failed: \(error); steps before it stay done, and running the same command again resumes there")
            }
            if op.isHandWritten { schema = try dialect.introspect(db) } else { try schema.apply(op) }
        }
    }

    /// Runs `body` under the lock policy's `lock_timeout`, trying again (after a growing pause)
    /// when it gave up waiting for a lock.
    private func withLockRetries(_ op: MigrationOperation, step: Int, _ body: () throws -> Void) throws {
        var attempt = 0
        var pause = lockPolicy.pause
        while true {
            try dialect.setLockTimeout(lockPolicy.timeout(for: op), on: db)
            do {
                return try body()
            } catch let error as DatabaseError where error.isLockTimeout && attempt < lockPolicy.retries {
                attempt += 1
                log("step \(step) (\(op.summary)): no lock within \(lockPolicy.timeout(for: op)) ms; trying again (\(attempt) of \(lockPolicy.retries))")
                usleep(UInt32(pause) * 1000)
                pause *= 2
            }
        }
    }

    /// One step of a non-transactional revision (see `runResumable`).
    private func runResumableStep(_ op: MigrationOperation, index i: Int, revision id: String, direction: String, schema: Schema) throws {
        if case .batchedUpdate(let update) = op {
            // Resumes after the last committed batch (of an earlier run, or of a try that gave up on a lock).
            let reached = try ProgressTable.done(db, revision: id, direction: direction)
            try runBatches(update, revision: id, direction: direction, step: i, from: reached.steps == i ? reached.position : nil, schema: schema)
        } else if op.runsOutsideTransaction, dialect.traits.concurrentIndexBuilds {
            if try !dialect.resumeOutsideTransaction(op, on: db) {
                for statement in try dialect.render([op], from: dialect.spelling(schema, as: [op].namedObjects)) {
                    try statement.run(on: db)
                }
            }
            try db.execute(ProgressTable.recordSQL(revision: id, direction: direction, steps: i + 1))
        } else {
            try db.inTransaction(begin: dialect.beginTransaction) { _ in
                try execute([op], schema: schema)
                try db.execute(ProgressTable.recordSQL(revision: id, direction: direction, steps: i + 1))
                try dialect.verifyBeforeCommit(db)
            }
        }
    }

    /// One batch of a batched update: the highest key in it and its number of rows.
    private struct Batch: CatalogRecord {
        var high: String?
        var rows: Int64

        init(_ row: CatalogRow) {
            high = row.string("high")
            rows = row.int("rows") ?? 0
        }
    }

    /// Runs a batched update by primary-key ranges, each batch in its own transaction with the key
    /// reached, so a killed run resumes after the last committed batch; a progress line per batch.
    private func runBatches(
        _ update: BatchedUpdate, revision: String, direction: String, step: Int, from start: String?, schema: Schema
    ) throws {
        guard let key = schema.table(update.table)?.primaryKey?.columns, key.count == 1 else {
            throw RevisionError("a batched update of \(update.table) needs a table with a single-column primary key")
        }
        let q = SQLText.quote, table = q(update.table), k = q(key[0])
        let condition = update.condition.map { " AND (\($0))" } ?? ""
        let placeholder = db.dialect.implementation.placeholder(1)
        var cursor = start
        func after(_ cursor: String?) -> (String, [SQLValue]) {
            cursor.map { (" WHERE \(k) > \(placeholder)", [.text($0)]) } ?? ("", [])
        }
        let (rest, restParameters) = after(cursor)
        let total = try db.query("SELECT count(*) FROM \(table)\(rest)", restParameters).first?.first?.int ?? 0
        var scanned: Int64 = 0
        let began = Date()
        while true {
            let (range, parameters) = after(cursor)
            let sql = """
                SELECT max(k) AS "high", count(*) AS "rows"
                FROM (SELECT \(k) AS k FROM \(table)\(range) ORDER BY \(k) LIMIT \(update.batchSize)) AS b
                """
            let batch = try CatalogRow.decode(try db.queryResult(sql, parameters), as: Batch.self).first
            guard let high = batch?.high else { break }
            let lower = cursor.map { "\(k) > \(SQLText.literal($0)) AND " } ?? ""
            try db.inTransaction(begin: dialect.beginTransaction) { _ in
                try db.execute(
                    "UPDATE \(table) SET \(update.assignmentsSQL) WHERE \(lower)\(k) <= \(SQLText.literal(high))\(condition)")
                try db.execute(ProgressTable.recordSQL(revision: revision, direction: direction, steps: step, position: high))
            }
            cursor = high
            scanned += batch?.rows ?? 0
            let seconds = max(Date().timeIntervalSince(began), 0.001)
            log("update \(update.table): \(scanned) of \(total) row(s) (\(Int(Double(scanned) / seconds)) rows/s)")
        }
        try db.execute(ProgressTable.recordSQL(revision: revision, direction: direction, steps: step + 1))
    }

    /// Renders and runs operations; hand-written code runs against the connection between SQL chunks.
    private func execute(_ operations: [MigrationOperation], schema start: Schema) throws {
        var schema = start
        var chunk: [MigrationOperation] = []
        func flush() throws {
            schema = dialect.spelling(schema, as: chunk.namedObjects)
            for statement in try dialect.render(chunk, from: schema) { try statement.run(on: db) }
            if chunk.contains(where: \.isHandWritten) {
                schema = try dialect.introspect(db)
            } else {
                for op in chunk { try schema.apply(op) }
            }
            chunk = []
        }
        // Objects created in this revision: what they use is known to the catalog only, read
        // again before an operation that drops and creates what depends on something.
        var graphStale = false
        for op in operations {
            if graphStale, op.readsDependencies {
                try flush()
                schema = try dialect.introspect(db)
                graphStale = false
            }
            if case .code(let code) = op {
                try flush()
                try code.run(db)
                schema = try dialect.introspect(db)
            } else {
                chunk.append(op)
            }
            if op.addsDependencies { graphStale = true }
        }
        try flush()
    }
}

/// Notes a run has already printed.
///
/// `@unchecked Sendable` is safe: `seen` is only read and written while `lock` is held.
final class ReportedNotes: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<String>()
    /// True the first time a note is seen.
    func insert(_ note: String) -> Bool { lock.withLock { seen.insert(note).inserted } }
}
