import Foundation

/// How a transfer runs.
public struct TransferOptions: Sendable {
    /// Tables to copy (empty: every source table).
    public var tables: [String] = []
    /// Empty non-empty target tables first (otherwise they are refused).
    public var truncate = false
    /// Skip tables an earlier run verified, and copy the others again.
    public var resume = false
    /// How many rows may be rejected before the transfer fails.
    public var maxRejects = 0
    /// The zone of source date-times that name none, going into `timestamptz` (nil: UTC).
    public var timeZone: TimeZone?
    /// Create target tables that are missing, mapped from the source (the stand-alone tool).
    public var createMissingTables = false
    /// Bytes of COPY data sent at a time.
    public var chunkBytes = 1 << 20

    /// Default options.
    public init() {}
}

/// Progress of one table's copy.
public struct TransferProgress: Sendable {
    /// The table being copied.
    public var table: String
    /// Rows read so far.
    public var rows: Int
    /// Rows the source holds.
    public var total: Int
    /// Rows rejected so far.
    public var rejected: Int
    /// Seconds since the table's copy began.
    public var seconds: Double
    /// True on the table's last report.
    public var finished: Bool
}

/// Copies rows from an SQLite database into PostgreSQL with COPY, converting each value by the
/// target column's type, and verifies the result with counts and checksums computed by each
/// database's own SQL (DESIGN decision 14: a stage of its own, streaming with bounded memory).
public final class Transfer {
    let source: SQLiteConnection
    let target: PostgresConnection
    let options: TransferOptions
    let progress: (TransferProgress) -> Void
    let onReject: (Reject) -> Void
    let notice: (String) -> Void
    var state: TransferState { TransferState(db: target) }

    /// A transfer between two open connections.
    public init(
        from source: SQLiteConnection, to target: PostgresConnection, options: TransferOptions,
        progress: @escaping (TransferProgress) -> Void = { _ in }, onReject: @escaping (Reject) -> Void = { _ in },
        notice: @escaping (String) -> Void = { _ in }
    ) {
        self.source = source
        self.target = target
        self.options = options
        self.progress = progress
        self.onReject = onReject
        self.notice = notice
    }

    /// Copies and verifies; throws `TransferError` when rows are rejected beyond `maxRejects`
    /// (that table's copy is rolled back) or when verification finds a difference.
    public func run() throws -> TransferReport {
        try prepareSessions()
        if options.createMissingTables { try createMissingTables() }
        let plan = try makePlan()
        try state.prepare()
        // Policies must hide no row from the copy or its checks: the owner's FORCE is lifted for
        // the run (remembered in the target, so a failed run's next attempt puts it back).
        try state.liftForcedRowSecurity(plan.items.map(\.target.name))
        defer { try? state.restoreForcedRowSecurity() }
        let recorded = try state.entries()
        var skipped = Set(plan.items.map(\.target.name).filter { options.resume && recorded[$0]?.status == "verified" })
        var needsEmptying = false
        for item in plan.items where !skipped.contains(item.target.name) {
            let name = item.target.name
            guard try target.query("SELECT EXISTS (SELECT 1 FROM \(SQLText.quote(name)))").first?.first?.int == 1 else { continue }
            guard options.truncate || (options.resume && recorded[name] != nil) else {
                throw TransferError(
                    "target table '\(name)' is not empty; --truncate replaces its rows, --resume continues an earlier transfer")
            }
            needsEmptying = true
        }
        if needsEmptying {
            // PostgreSQL empties a referenced table only together with the tables that reference
            // it: a verified child of a table copied again is copied again too; a table outside the
            // run is never emptied behind the user's back.
            var again = Set(plan.items.map(\.target.name)).subtracting(skipped)
            let references = try referencingTables()
            var changed = true
            while changed {
                changed = false
                for (child, parent) in references where again.contains(parent) && !again.contains(child) {
                    guard skipped.contains(child) else {
                        throw TransferError(
                            "table '\(child)' references '\(parent)', which this transfer empties to copy it again, and is not part of the transfer; transfer it too or empty it first")
                    }
                    skipped.remove(child)
                    again.insert(child)
                    changed = true
                }
            }
            let names = plan.items.map(\.target.name).filter(again.contains)
            try target.execute("TRUNCATE " + names.map(SQLText.quote).joined(separator: ", "))
        }
        let pending = plan.items.filter { !skipped.contains($0.target.name) }
        for item in pending { try state.reset(item.target.name) }
        // Foreign keys in a cycle cannot hold while either table is half-copied: off for the copy
        // (remembered in the target, so a failed run's next attempt adds them back).
        let pendingNames = Set(pending.map(\.target.name))
        let detached = try state.detachedKeys()
        for (table, fk) in plan.cycleKeys where pendingNames.contains(table) {
            guard !detached.contains(where: { $0.table == table && $0.key.name == fk.name }) else { continue }
            try state.detach(fk, from: table)
        }
        var rejectedKeys: [String: [[String]: Set<String>]] = [:]
        // Rejections an earlier run made in tables this run does not copy still reach their children.
        for table in Set(plan.items.flatMap { $0.target.foreignKeys.map(\.referencedTable) }) where
            !plan.items.contains(where: { $0.target.name == table }) || skipped.contains(table)
        {
            guard let parent = plan.source.table(table) else { continue }
            rejectedKeys[table] = try rejectedKeyValues(parent, needed: referencedColumnSets(of: table, in: plan))
        }
        let preRejected = try rejectionsInCycles(plan, pending: pending, parents: &rejectedKeys)
        var totalRejected = recorded.filter { skipped.contains($0.key) }.map(\.value.rejected).reduce(0, +)
        var results: [TransferReport.TableResult] = []
        for item in plan.items {
            let name = item.target.name
            if skipped.contains(name) {
                let sql = """
                    SELECT source_rows AS "sourceRows", rejected_rows AS "rejectedRows", target_rows AS "targetRows",
                           checksum AS "checksum"
                    FROM \(SQLText.quote(TransferState.tables)) WHERE table_name = $1
                    """
                let entry = try CatalogRow.decode(try target.queryResult(sql, [.text(name)]), as: VerifiedTable.self).first
                results.append(
                    .init(table: name, sourceRows: entry?.sourceRows ?? 0, rejectedRows: entry?.rejectedRows ?? 0,
                          targetRows: entry?.targetRows ?? 0, sourceChecksum: entry?.checksum ?? "", targetChecksum: entry?.checksum ?? "",
                          orphanRows: 0, rowsPerSecond: nil, status: "verified earlier"))
                continue
            }
            let judge = try RowJudge(item: item, plan: plan, transfer: self, parents: rejectedKeys, preRejected: preRejected[name] ?? [:])
            let copied = try copy(item, judge: judge, alreadyRejected: totalRejected)
            for (cols, values) in copied.keys { rejectedKeys[name, default: [:]][cols, default: []].formUnion(values) }
            totalRejected += copied.rejected
            var result = try verify(item)
            result.rowsPerSecond = copied.rowsPerSecond
            try state.record(
                name, status: result.status == "ok" ? "verified" : "mismatch", sourceRows: result.sourceRows, targetRows: result.targetRows,
                checksum: result.status == "ok" ? result.targetChecksum : nil)
            results.append(result)
        }
        try restoreCycleKeys()
        results = try checkReferences(results, plan: plan)
        try state.restoreForcedRowSecurity()
        let report = TransferReport(tables: results, rejectedRows: totalRejected)
        return report
    }

    /// (referencing, referenced) for every foreign key into a table of the session's schema; a
    /// referencing table in another schema is named with its schema.
    private func referencingTables() throws -> [(child: String, parent: String)] {
        let sql = """
            SELECT CASE WHEN c.relnamespace = p.relnamespace THEN c.relname ELSE cn.nspname || '.' || c.relname END AS "child",
                   p.relname AS "parent"
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
            JOIN pg_class p ON p.oid = k.confrelid
            WHERE k.contype = 'f' AND k.conrelid <> k.confrelid AND p.relnamespace = to_regnamespace(current_schema())
            ORDER BY 1, 2
            """
        return try CatalogRow.decode(try target.queryResult(sql, []), as: ReferencingTable.self).map { ($0.child, $0.parent) }
    }

    /// A table a previous run verified, as the state table recorded it.
    private struct VerifiedTable: CatalogRecord {
        var sourceRows: Int
        var rejectedRows: Int
        var targetRows: Int
        var checksum: String

        init(_ row: CatalogRow) {
            sourceRows = Int(row.int("sourceRows") ?? 0)
            rejectedRows = Int(row.int("rejectedRows") ?? 0)
            targetRows = Int(row.int("targetRows") ?? 0)
            checksum = row.string("checksum") ?? ""
        }
    }

    /// A row of the referencing-tables query: a table whose foreign key points to a table of the schema.
    private struct ReferencingTable: CatalogRecord {
        var child: String
        var parent: String

        init(_ row: CatalogRow) {
            child = row.string("child") ?? ""
            parent = row.string("parent") ?? ""
        }
    }

    /// The foreign keys (`table.name`) an unfinished transfer dropped for its copy and will add
    /// back when it completes.
    public static func detachedKeys(on db: PostgresConnection) throws -> Set<String> {
        Set(try TransferState(db: db).detachedKeys().map { "\($0.table).\($0.key.name ?? "")" })
    }

    /// Verifies an earlier transfer without copying: counts, checksums and foreign keys.
    public func verifyOnly() throws -> TransferReport {
        try prepareSessions()
        let plan = try makePlan()
        try state.liftForcedRowSecurity(plan.items.map(\.target.name))
        defer { try? state.restoreForcedRowSecurity() }
        var results: [TransferReport.TableResult] = []
        for item in plan.items { results.append(try verify(item)) }
        results = try checkReferences(results, plan: plan)
        return TransferReport(tables: results, rejectedRows: results.map(\.rejectedRows).reduce(0, +))
    }

    // MARK: - Set-up

    private func prepareSessions() throws {
        // row_security off: a policy that would hide rows from this role makes a query fail, never
        // return fewer rows (the owner, with FORCE lifted, and superusers are not held to them).
        try target.executeScript("SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET row_security = off")
        try source.registerFloatBits()
        // SQLite's 'utc' modifier reads the C library's local zone: the same zone as the conversion.
        if let zone = options.timeZone {
            setenv("TZ", zone.identifier, 1)
            tzset()
        }
    }

    /// The plan, from the target as it is plus the keys an unfinished run detached.
    private func makePlan() throws -> TransferPlan {
        var targetSchema = try PostgresDialect().introspect(target)
        for (table, fk) in try state.detachedKeys() {
            if let i = targetSchema.tableIndex(table), !targetSchema.tables[i].foreignKeys.contains(where: { $0.name == fk.name }) {
                targetSchema.tables[i].foreignKeys.append(fk)
            }
        }
        return try TransferPlan(source: try SQLiteDialect().introspect(source), target: targetSchema, only: options.tables)
    }

    /// The stand-alone tool: source tables the target lacks are created there, mapped to
    /// PostgreSQL types (`SQLiteTypeMapping`), in one transaction.
    private func createMissingTables() throws {
        let dialect = PostgresDialect()
        let current = try dialect.introspect(target)
        let sourceSchema = try SQLiteDialect().introspect(source)
        let wanted = sourceSchema.tables.filter { (options.tables.isEmpty || options.tables.contains($0.name)) && current.table($0.name) == nil }
        guard !wanted.isEmpty else { return }
        var goal = current
        goal.tables += wanted.map(SQLiteTypeMapping.postgresTable)
        let plan = try PlanPipeline(dialect: dialect).plan(from: current, to: goal.named())
        let statements = try dialect.render(plan.operations, from: current)
        try target.inTransaction { _ in
            for s in statements { try target.executeScript(dialect.scriptSQL(s)) }
        }
        notice("created \(wanted.count) table(s) in the target: \(wanted.map(\.name).joined(separator: ", "))")
        for detail in dialect.portabilityNotes(plan.operations) { notice(detail) }
    }

    // MARK: - Copy

    /// The source's identity of a row as SQL: its rowid, or its key in a WITHOUT ROWID table;
    /// with `alias`, qualified by it.
    func identity(_ table: Table, alias: String? = nil) throws -> String {
        let prefix = alias.map { "\($0)." } ?? ""
        guard table.sqlite?.contains(.withoutRowID) == true, let pk = table.primaryKey else {
            return "CAST(\(prefix)rowid AS TEXT)"
        }
        return pk.columns.map { "quote(\(prefix)\(SQLText.quote($0)))" }.joined(separator: " || ',' || ")
    }

    private struct Copied {
        var rejected: Int
        var keys: [[String]: Set<String>]
        var rowsPerSecond: Double
    }

    private func copy(_ item: TransferPlan.Item, judge: RowJudge, alreadyRejected: Int) throws -> Copied {
        let name = item.target.name, q = SQLText.quote(name)
        let started = Date()
        let total = Int(try source.query("SELECT count(*) FROM \(q)").first?.first?.int ?? 0)
        let copySQL = "COPY \(q) (" + item.columns.map { SQLText.quote($0.name) }.joined(separator: ", ") + ") FROM STDIN"
        var rejects: [Reject] = []
        var rejectedRows = 0
        var keys: [[String]: Set<String>] = [:]
        var done = 0
        let limit = options.maxRejects - alreadyRejected
        let chunk = options.chunkBytes
        try target.inTransaction { _ in
            // The table's own triggers do not fire on copied rows (a `last_update` trigger would
            // rewrite them); they are enabled again, as they were, before the copy commits.
            let triggers = try target.query(
                "SELECT tgname::text, tgenabled::text FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal AND tgenabled <> 'D'",
                [.text(q)]
            ).compactMap { row -> (String, String)? in
                guard let name = row[0].string, let mode = row[1].string else { return nil }
                return (name, mode)
            }
            for (trigger, _) in triggers { try target.execute("ALTER TABLE \(q) DISABLE TRIGGER \(SQLText.quote(trigger))") }
            try target.copyIn(copySQL) { send in
                var buffer: [UInt8] = []
                buffer.reserveCapacity(chunk + 64 * 1024)
                try source.forEachRow(judge.select) { row in
                    done += 1
                    let mark = buffer.count
                    let verdict = judge.judge(row, into: &buffer)
                    if verdict.problems.isEmpty {
                        buffer.append(CopyText.newline)
                        if buffer.count >= chunk {
                            try buffer.withUnsafeBytes { try send($0) }
                            buffer.removeAll(keepingCapacity: true)
                        }
                    } else {
                        buffer.removeSubrange(mark...)
                        rejectedRows += 1
                        let key = judge.key(row)
                        for p in verdict.problems {
                            let reject = Reject(table: name, sourceRow: verdict.rowID, key: key, column: p.column, value: p.value, reason: p.reason)
                            onReject(reject)
                            if rejects.count < max(limit, 0) + 100 { rejects.append(reject) }
                        }
                        for (cols, value) in judge.neededKeys(row) { keys[cols, default: []].insert(value) }
                    }
                    if done % 20_000 == 0 {
                        progress(.init(table: name, rows: done, total: total, rejected: rejectedRows, seconds: Date().timeIntervalSince(started), finished: false))
                    }
                }
                if rejectedRows > limit {
                    throw TransferError(
                        "\(rejectedRows) row(s) of '\(name)' cannot be converted exactly (\(alreadyRejected + rejectedRows) rejected in all; --max-rejects \(options.maxRejects)); first: \(rejects.first?.line ?? "")")
                }
                try buffer.withUnsafeBytes { try send($0) }
            }
            for (trigger, mode) in triggers {
                let how = mode == "A" ? "ENABLE ALWAYS" : mode == "R" ? "ENABLE REPLICA" : "ENABLE"
                try target.execute("ALTER TABLE \(q) \(how) TRIGGER \(SQLText.quote(trigger))")
            }
            try state.store(rejects)
            try resetSequences(item.target)
            try state.record(name, status: "copied", sourceRows: total, rejected: rejectedRows)
        }
        let seconds = Date().timeIntervalSince(started)
        progress(.init(table: name, rows: done, total: total, rejected: rejectedRows, seconds: seconds, finished: true))
        return Copied(rejected: rejectedRows, keys: keys, rowsPerSecond: Double(done) / max(seconds, 1e-6))
    }

    /// Identity and serial sequences continue after the highest copied value.
    private func resetSequences(_ table: Table) throws {
        for c in table.columns where c.autoincrement {
            try target.execute(
                "SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(max(\(SQLText.quote(c.name))), 0) + 1, false) FROM \(SQLText.quote(table.name))",
                [.text(SQLText.quote(table.name)), .text(c.name)])
        }
    }

    /// Adds back every detached foreign key, NOT VALID then validated.
    private func restoreCycleKeys() throws {
        let detached = try state.detachedKeys()
        guard !detached.isEmpty else { return }
        let schema = try PostgresDialect().introspect(target)
        for (table, fk) in detached { try state.reattach(fk, to: table, in: schema) }
    }
}
