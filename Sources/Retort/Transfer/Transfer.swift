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
    public var table: String
    public var rows: Int
    public var total: Int
    public var rejected: Int
    public var seconds: Double
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
        let recorded = try state.entries()
        let skipped = Set(plan.items.map(\.target.name).filter { options.resume && recorded[$0]?.status == "verified" })
        let pending = plan.items.filter { !skipped.contains($0.target.name) }
        var toEmpty: [String] = []
        for item in pending {
            let name = item.target.name
            guard try target.query("SELECT EXISTS (SELECT 1 FROM \(SQLText.quote(name)))").first?.first?.int == 1 else { continue }
            guard options.truncate || (options.resume && recorded[name] != nil) else {
                throw TransferError(
                    "target table '\(name)' is not empty; --truncate replaces its rows, --resume continues an earlier transfer")
            }
            toEmpty.append(name)
        }
        if !toEmpty.isEmpty { try target.execute("TRUNCATE " + toEmpty.map(SQLText.quote).joined(separator: ", ")) }
        for item in pending { try state.reset(item.target.name) }
        // Foreign keys in a cycle cannot hold while either table is half-copied: off for the copy.
        let pendingNames = Set(pending.map(\.target.name))
        for (table, fk) in plan.cycleKeys where pendingNames.contains(table) {
            guard let name = fk.name, try target.query(
                "SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass($1) AND conname = $2", [.text(SQLText.quote(table)), .text(name)]
            ).count == 1 else { continue }
            try target.execute("ALTER TABLE \(SQLText.quote(table)) DROP CONSTRAINT \(SQLText.quote(name))")
        }
        var rejectedKeys: [String: [[String]: Set<String>]] = [:]
        var totalRejected = recorded.filter { skipped.contains($0.key) }.map(\.value.rejected).reduce(0, +)
        var results: [TransferReport.TableResult] = []
        for item in plan.items {
            let name = item.target.name
            let needed = referencedColumnSets(of: name, in: plan)
            if skipped.contains(name) {
                rejectedKeys[name] = try rejectedKeyValues(item, needed: needed)
                let entry = try target.query(
                    "SELECT source_rows, rejected_rows, target_rows, checksum FROM \(SQLText.quote(TransferState.tables)) WHERE table_name = $1",
                    [.text(name)]
                ).first ?? []
                let checksum = entry.count > 3 ? entry[3].string ?? "" : ""
                results.append(
                    .init(table: name, sourceRows: Int(entry.first?.int ?? 0), rejectedRows: Int(entry.count > 1 ? entry[1].int ?? 0 : 0),
                          targetRows: Int(entry.count > 2 ? entry[2].int ?? 0 : 0), sourceChecksum: checksum, targetChecksum: checksum,
                          orphanRows: 0, rowsPerSecond: nil, status: "verified earlier"))
                continue
            }
            let copied = try copy(item, plan: plan, needed: needed, parents: rejectedKeys, alreadyRejected: totalRejected)
            rejectedKeys[name] = copied.keys
            totalRejected += copied.rejected
            var result = try verify(item)
            result.rowsPerSecond = copied.rowsPerSecond
            try state.record(
                name, status: result.status == "ok" ? "verified" : "mismatch", sourceRows: result.sourceRows, targetRows: result.targetRows,
                checksum: result.status == "ok" ? result.targetChecksum : nil)
            results.append(result)
        }
        try restoreCycleKeys(plan)
        results = try checkReferences(results, plan: plan)
        let report = TransferReport(tables: results, rejectedRows: totalRejected)
        return report
    }

    /// Verifies an earlier transfer without copying: counts, checksums and foreign keys.
    public func verifyOnly() throws -> TransferReport {
        try prepareSessions()
        let plan = try makePlan()
        var results: [TransferReport.TableResult] = []
        for item in plan.items { results.append(try verify(item)) }
        results = try checkReferences(results, plan: plan)
        return TransferReport(tables: results, rejectedRows: results.map(\.rejectedRows).reduce(0, +))
    }

    // MARK: - Set-up

    private func prepareSessions() throws {
        try target.executeScript("SET extra_float_digits = 0; SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'")
        // SQLite's 'utc' modifier reads the C library's local zone: the same zone as the conversion.
        if let zone = options.timeZone {
            setenv("TZ", zone.identifier, 1)
            tzset()
        }
    }

    private func makePlan() throws -> TransferPlan {
        try TransferPlan(
            source: try SQLiteDialect().introspect(source), target: try PostgresDialect().introspect(target), only: options.tables)
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
        let plan = try Differ(dialect: dialect).plan(from: current, to: goal.named())
        let statements = try dialect.render(plan.operations, from: current)
        try target.execute("BEGIN")
        do {
            for s in statements { try target.executeScript(dialect.scriptSQL(s)) }
            try target.execute("COMMIT")
        } catch {
            try? target.execute("ROLLBACK")
            throw error
        }
        notice("created \(wanted.count) table(s) in the target: \(wanted.map(\.name).joined(separator: ", "))")
    }

    // MARK: - Copy

    /// The source's identity of a row: its rowid, or its key in a WITHOUT ROWID table.
    private func identity(_ table: Table) throws -> String {
        let sql = try source.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(table.name)]).first?.first?.string ?? ""
        guard sql.uppercased().replacingOccurrences(of: " ", with: "").hasSuffix("WITHOUTROWID"), let pk = table.primaryKey else {
            return "CAST(rowid AS TEXT)"
        }
        return pk.columns.map { "quote(\(SQLText.quote($0)))" }.joined(separator: " || ',' || ")
    }

    /// Column sets of `table` that foreign keys of the copied tables reference.
    private func referencedColumnSets(of table: String, in plan: TransferPlan) -> [[String]] {
        var sets: [[String]] = []
        for item in plan.items {
            for fk in item.target.foreignKeys where fk.referencedTable == table && !sets.contains(fk.referencedColumns) {
                sets.append(fk.referencedColumns)
            }
        }
        return sets
    }

    private struct Copied {
        var rejected: Int
        var keys: [[String]: Set<String>]
        var rowsPerSecond: Double
    }

    private static let separator = "\u{1F}"

    private func copy(
        _ item: TransferPlan.Item, plan: TransferPlan, needed: [[String]], parents: [String: [[String]: Set<String>]], alreadyRejected: Int
    ) throws -> Copied {
        let name = item.target.name, q = SQLText.quote(name)
        let started = Date()
        let total = Int(try source.query("SELECT count(*) FROM \(q)").first?.first?.int ?? 0)
        let columns = item.columns
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, Int32($0 + 1)) })
        let converters = columns.map { ValueConverter(column: $0, zone: options.timeZone) }
        let id = try identity(item.source)
        let keyColumns = item.source.primaryKey?.columns ?? []
        // Rows whose parent is not in the source at all (SQLite rarely enforces foreign keys).
        var orphans: [String: String] = [:]
        let copiedTables = Set(plan.items.map(\.target.name))
        for fk in item.target.foreignKeys where copiedTables.contains(fk.referencedTable) {
            let parent = SQLText.quote(fk.referencedTable)
            let present = fk.columns.map { "c.\(SQLText.quote($0)) IS NOT NULL" }.joined(separator: " AND ")
            let match = zip(fk.columns, fk.referencedColumns).map { "p.\(SQLText.quote($1)) = c.\(SQLText.quote($0))" }
                .joined(separator: " AND ")
            let sql = "SELECT \(id.replacingOccurrences(of: "rowid", with: "c.rowid")) FROM \(q) AS c WHERE \(present) AND NOT EXISTS (SELECT 1 FROM \(parent) AS p WHERE \(match))"
            for row in try source.query(sql) {
                orphans[row[0].string ?? ""] = "references no row of \(fk.referencedTable) (\(fk.columns.joined(separator: ", ")))"
            }
        }
        let parentChecks: [(fk: ForeignKey, positions: [Int32], rejected: Set<String>)] = item.target.foreignKeys.compactMap { fk in
            guard let set = parents[fk.referencedTable]?[fk.referencedColumns], !set.isEmpty else { return nil }
            return (fk, fk.columns.compactMap { position[$0] }, set)
        }
        let neededPositions = needed.map { cols in (cols, cols.compactMap { position[$0] }) }
        let select = "SELECT \(id), " + columns.map { SQLText.quote($0.name) }.joined(separator: ", ") + " FROM \(q)"
        let copySQL = "COPY \(q) (" + columns.map { SQLText.quote($0.name) }.joined(separator: ", ") + ") FROM STDIN"
        var rejects: [Reject] = []
        var rejectedRows = 0
        var keys: [[String]: Set<String>] = [:]
        var done = 0
        let limit = options.maxRejects - alreadyRejected
        let chunk = options.chunkBytes
        try target.execute("BEGIN")
        do {
            try target.copyIn(copySQL) { send in
                var buffer: [UInt8] = []
                buffer.reserveCapacity(chunk + 64 * 1024)
                try source.forEachRow(select) { row in
                    done += 1
                    let mark = buffer.count
                    var problems: [(column: String?, value: String?, reason: String)] = []
                    let rowID = row.text(0) ?? ""
                    if let orphan = orphans[rowID] { problems.append((nil, nil, orphan)) }
                    for check in parentChecks {
                        let values = check.positions.map { row.text($0) ?? "" }
                        if values.count == check.fk.columns.count, check.rejected.contains(values.joined(separator: Self.separator)) {
                            problems.append((nil, nil, "its parent row in \(check.fk.referencedTable) (\(zip(check.fk.referencedColumns, values).map { "\($0)=\($1)" }.joined(separator: ", "))) was rejected"))
                        }
                    }
                    if problems.isEmpty {
                        for (k, converter) in converters.enumerated() {
                            if k > 0 { buffer.append(CopyText.tab) }
                            let cell = row.cell(Int32(k + 1), numbersAsText: converter.wantsNumbersAsText)
                            if let reason = converter.append(cell, to: &buffer) {
                                problems.append((columns[k].name, cell.display, reason))
                            }
                        }
                    }
                    if problems.isEmpty {
                        buffer.append(CopyText.newline)
                        if buffer.count >= chunk {
                            try buffer.withUnsafeBytes { try send($0) }
                            buffer.removeAll(keepingCapacity: true)
                        }
                    } else {
                        buffer.removeSubrange(mark...)
                        rejectedRows += 1
                        let key = keyColumns.isEmpty
                            ? "rowid=\(rowID)"
                            : keyColumns.map { "\($0)=\(position[$0].flatMap { row.text($0) } ?? "NULL")" }.joined(separator: ", ")
                        for p in problems {
                            let reject = Reject(table: name, sourceRow: rowID, key: key, column: p.column, value: p.value, reason: p.reason)
                            onReject(reject)
                            if rejects.count < max(limit, 0) + 100 { rejects.append(reject) }
                        }
                        for (cols, positions) in neededPositions where positions.count == cols.count {
                            keys[cols, default: []].insert(positions.map { row.text($0) ?? "" }.joined(separator: Self.separator))
                        }
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
            try state.store(rejects)
            try resetSequences(item.target)
            try state.record(name, status: "copied", sourceRows: total, rejected: rejectedRows)
            try target.execute("COMMIT")
        } catch {
            try? target.execute("ROLLBACK")
            throw error
        }
        let seconds = Date().timeIntervalSince(started)
        progress(.init(table: name, rows: done, total: total, rejected: rejectedRows, seconds: seconds, finished: true))
        return Copied(rejected: rejectedRows, keys: keys, rowsPerSecond: Double(done) / max(seconds, 1e-6))
    }

    /// For a table an earlier run copied: the rejected rows' values of the referenced columns.
    private func rejectedKeyValues(_ item: TransferPlan.Item, needed: [[String]]) throws -> [[String]: Set<String>] {
        let ids = Set(try state.rejected(item.target.name).map(\.sourceRow))
        guard !ids.isEmpty, !needed.isEmpty else { return [:] }
        let id = try identity(item.source)
        var keys: [[String]: Set<String>] = [:]
        for cols in needed {
            let sql = "SELECT \(id), " + cols.map { SQLText.quote($0) }.joined(separator: ", ") + " FROM \(SQLText.quote(item.target.name))"
            try source.forEachRow(sql) { row in
                guard let rowID = row.text(0), ids.contains(rowID) else { return }
                keys[cols, default: []].insert((1...cols.count).map { row.text(Int32($0)) ?? "" }.joined(separator: Self.separator))
            }
        }
        return keys
    }

    /// Identity and serial sequences continue after the highest copied value.
    private func resetSequences(_ table: Table) throws {
        for c in table.columns where c.autoincrement {
            try target.execute(
                "SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(max(\(SQLText.quote(c.name))), 0) + 1, false) FROM \(SQLText.quote(table.name))",
                [.text(SQLText.quote(table.name)), .text(c.name)])
        }
    }

    /// Adds back, NOT VALID then validated, the cycle's foreign keys the target lacks.
    private func restoreCycleKeys(_ plan: TransferPlan) throws {
        for (table, fk) in plan.cycleKeys {
            guard let name = fk.name, try target.query(
                "SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass($1) AND conname = $2", [.text(SQLText.quote(table)), .text(name)]
            ).isEmpty else { continue }
            var key = fk
            key.notValid = true
            let dialect = PostgresDialect()
            let schema = try dialect.introspect(target)
            for s in try dialect.render([.addConstraint(table: table, constraint: .foreignKey(key)), .validateConstraint(table: table, name: name)], from: schema) {
                try target.executeScript(dialect.scriptSQL(s))
            }
        }
    }

    // MARK: - Verification

    /// Counts and checksums of one table on both sides, rejected rows left out of the source's.
    func verify(_ item: TransferPlan.Item) throws -> TransferReport.TableResult {
        let name = item.target.name, q = SQLText.quote(name)
        let rejectedIDs = Set(try state.rejected(name).map(\.sourceRow))
        let id = try identity(item.source)
        try source.executeScript("CREATE TEMP TABLE IF NOT EXISTS retort_rejected (id TEXT PRIMARY KEY); DELETE FROM temp.retort_rejected")
        try source.execute("BEGIN")
        for r in rejectedIDs { try source.execute("INSERT INTO temp.retort_rejected (id) VALUES (?)", [.text(r)]) }
        try source.execute("COMMIT")
        let kept = "WHERE \(id) NOT IN (SELECT id FROM temp.retort_rejected)"
        let sourceRows = Int(try source.query("SELECT count(*) FROM \(q) \(kept)").first?.first?.int ?? 0)
        let targetRows = Int(try target.query("SELECT count(*) FROM \(q)").first?.first?.int ?? 0)
        let kinds = item.columns.map { ($0.name, ValueConverter.kind(of: $0.type)) }
        let zoneModifier = options.timeZone.map { $0.identifier != "UTC" && $0.identifier != "GMT" } ?? false
        let sourceRow = RowText.row(kinds.map { RowText.source($0.0, $0.1, zoneModifier: zoneModifier) })
        let targetRow = RowText.row(kinds.map { RowText.target($0.0, $0.1) })
        let keyKinds = (item.target.primaryKey?.columns ?? []).compactMap { k in kinds.first { $0.0 == k } }
        let sourceOrder = keyKinds.isEmpty ? "1" : keyKinds.map { RowText.sourceOrder($0.0, $0.1, zoneModifier: zoneModifier) }.joined(separator: ", ")
        let targetOrder = keyKinds.isEmpty ? "1 COLLATE \"C\"" : keyKinds.map { RowText.targetOrder($0.0, $0.1) }.joined(separator: ", ")
        var sourceDigest = SHA256(), targetDigest = SHA256()
        let newline: [UInt8] = [0x0A]
        try source.forEachRow("SELECT \(sourceRow) FROM \(q) \(kept) ORDER BY \(sourceOrder)") { row in
            if case .text(let bytes) = row.cell(0, numbersAsText: true) { sourceDigest.update(bytes) }
            newline.withUnsafeBytes { sourceDigest.update($0) }
        }
        var line: [UInt8] = []
        try target.copyOut("COPY (SELECT \(targetRow) FROM \(q) ORDER BY \(targetOrder)) TO STDOUT") { bytes in
            line.removeAll(keepingCapacity: true)
            CopyText.unescape(bytes, into: &line)
            line.append(0x0A)
            line.withUnsafeBytes { targetDigest.update($0) }
        }
        let s = sourceDigest.hexDigest(), t = targetDigest.hexDigest()
        let same = s == t && sourceRows == targetRows
        return .init(
            table: name, sourceRows: sourceRows, rejectedRows: rejectedIDs.count, targetRows: targetRows, sourceChecksum: s,
            targetChecksum: t, orphanRows: 0, rowsPerSecond: nil, status: same ? "ok" : "mismatch")
    }

    /// Counts, per table, target rows whose foreign keys point nowhere.
    private func checkReferences(_ results: [TransferReport.TableResult], plan: TransferPlan) throws -> [TransferReport.TableResult] {
        let schema = try PostgresDialect().introspect(target)
        return try results.map { result in
            var r = result
            for fk in schema.table(r.table)?.foreignKeys ?? [] {
                let present = fk.columns.map { "c.\(SQLText.quote($0)) IS NOT NULL" }.joined(separator: " AND ")
                let match = zip(fk.columns, fk.referencedColumns).map { "p.\(SQLText.quote($1)) = c.\(SQLText.quote($0))" }
                    .joined(separator: " AND ")
                let sql = "SELECT count(*) FROM \(SQLText.quote(r.table)) AS c WHERE \(present) AND NOT EXISTS (SELECT 1 FROM \(SQLText.quote(fk.referencedTable)) AS p WHERE \(match))"
                r.orphanRows += Int(try target.query(sql).first?.first?.int ?? 0)
            }
            if r.orphanRows > 0 { r.status = "mismatch" }
            return r
        }
    }
}
