import Foundation

/// Verification: each table's row counts and content checksums, computed by each database's own
/// SQL (`RowText`) and digested independently, and foreign-key integrity on the target.
extension Transfer {
    /// Counts and checksums of one table on both sides, rejected rows left out of the source's.
    func verify(_ item: TransferPlan.Item) throws -> TransferReport.TableResult {
        let name = item.target.name, q = SQLText.quote(name)
        let rejectedIDs = Set(try state.rejected(name).map(\.sourceRow))
        let id = try identity(item.source)
        try source.executeScript("CREATE TEMP TABLE IF NOT EXISTS retort_rejected (id TEXT PRIMARY KEY); DELETE FROM temp.retort_rejected")
        try source.inTransaction { _ in
            for r in rejectedIDs { try source.execute("INSERT INTO temp.retort_rejected (id) VALUES (?)", [.text(r)]) }
        }
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
        // Each side digests its own stream; SQLite is read on a second thread while PostgreSQL
        // computes its side, so verification takes as long as the slower of the two.
        let sourceSQL = "SELECT \(sourceRow) FROM \(q) \(kept) ORDER BY \(sourceOrder)"
        let reading = BlockingThread.start(with: source) { source in
            var digest = SHA256()
            let newline: [UInt8] = [0x0A]
            try source.forEachRow(sourceSQL) { row in
                if case .text(let bytes) = row.cell(0, numbersAsText: true) { digest.update(bytes) }
                newline.withUnsafeBytes { digest.update($0) }
            }
            return digest
        }
        var targetDigest = SHA256()
        var line: [UInt8] = []
        let targetResult = Result {
            try target.copyOut("COPY (SELECT \(targetRow) FROM \(q) ORDER BY \(targetOrder)) TO STDOUT") { bytes in
                line.removeAll(keepingCapacity: true)
                CopyText.unescape(bytes, into: &line)
                line.append(0x0A)
                line.withUnsafeBytes { targetDigest.update($0) }
            }
        }
        var sourceDigest = try reading.wait()
        try targetResult.get()
        let s = sourceDigest.hexDigest(), t = targetDigest.hexDigest()
        let same = s == t && sourceRows == targetRows
        return .init(
            table: name, sourceRows: sourceRows, rejectedRows: rejectedIDs.count, targetRows: targetRows, sourceChecksum: s,
            targetChecksum: t, orphanRows: 0, rowsPerSecond: nil, status: same ? "ok" : "mismatch")
    }

    /// Counts, per table, target rows whose foreign keys point nowhere.
    func checkReferences(_ results: [TransferReport.TableResult], plan: TransferPlan) throws -> [TransferReport.TableResult] {
        let schema = try PostgresDialect().introspect(target)
        return try results.map { result in
            var r = result
            for fk in schema.table(r.table)?.foreignKeys ?? [] {
                let sql = "SELECT count(*) FROM \(SQLText.quote(r.table)) AS c WHERE \(fk.pointsNowhere)"
                r.orphanRows += Int(try target.query(sql).first?.first?.int ?? 0)
            }
            if r.orphanRows > 0 { r.status = "mismatch" }
            return r
        }
    }
}
