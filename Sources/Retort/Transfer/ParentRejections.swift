/// Rows rejected because of their parents: the column sets children reference, rejection followed
/// to a fixed point through foreign-key cycles and self-references, and the rejections an earlier
/// run recorded for tables this run does not copy.
extension Transfer {
    /// Column sets of `table` that foreign keys of the copied tables reference.
    func referencedColumnSets(of table: String, in plan: TransferPlan) -> [[String]] {
        var sets: [[String]] = []
        for item in plan.items {
            for fk in item.target.foreignKeys where fk.referencedTable == table && !sets.contains(fk.referencedColumns) {
                sets.append(fk.referencedColumns)
            }
        }
        return sets
    }

    /// In tables that reach themselves through foreign keys, a row can lose its parent to a
    /// rejection found later in the copy order. These tables are read once without copying to
    /// find what they reject, and rejection is followed along their keys until nothing changes.
    /// Returns, per table, the rows to reject and why (and adds their keys to `parents`).
    func rejectionsInCycles(_ plan: TransferPlan, pending: [TransferPlan.Item], parents: inout [String: [[String]: Set<String>]])
        throws -> [String: [String: [String]]]
    {
        let items = pending.filter { plan.recursive.contains($0.target.name) }
        guard !items.isEmpty else { return [:] }
        var rejected: [String: [String: [String]]] = [:]
        for item in items {
            let judge = try RowJudge(item: item, plan: plan, transfer: self, parents: [:], preRejected: [:])
            var scratch: [UInt8] = []
            try source.forEachRow(judge.select) { row in
                scratch.removeAll(keepingCapacity: true)
                let verdict = judge.judge(row, into: &scratch)
                guard !verdict.problems.isEmpty else { return }
                rejected[item.target.name, default: [:]][verdict.rowID] = verdict.problems.map(\.reason)
                for (cols, value) in judge.neededKeys(row) { parents[item.target.name, default: [:]][cols, default: []].insert(value) }
            }
        }
        var changed = true
        while changed {
            changed = false
            for item in items {
                let name = item.target.name
                let id = try identity(item.source)
                let needed = referencedColumnSets(of: name, in: plan)
                for fk in item.target.foreignKeys {
                    guard let set = parents[fk.referencedTable]?[fk.referencedColumns], !set.isEmpty else { continue }
                    let columns = fk.columns + needed.flatMap { $0 }
                    let sql = "SELECT \(id), " + columns.map { SQLText.quote($0) }.joined(separator: ", ") + " FROM \(SQLText.quote(name))"
                    try source.forEachRow(sql) { row in
                        let rowID = row.text(0) ?? ""
                        guard rejected[name]?[rowID] == nil else { return }
                        let values = (0..<fk.columns.count).map { row.text(Int32($0 + 1)) }
                        guard !values.contains(where: { $0 == nil }), set.contains(values.map { $0! }.joined(separator: RowJudge.separator)) else { return }
                        rejected[name, default: [:]][rowID] = [RowJudge.parentRejected(fk, values.map { $0! })]
                        var offset = fk.columns.count + 1
                        for cols in needed {
                            let key = (0..<cols.count).map { row.text(Int32(offset + $0)) ?? "" }.joined(separator: RowJudge.separator)
                            parents[name, default: [:]][cols, default: []].insert(key)
                            offset += cols.count
                        }
                        changed = true
                    }
                }
            }
        }
        return rejected
    }

    /// For a table an earlier run copied: the rejected rows' values of the referenced columns.
    func rejectedKeyValues(_ table: Table, needed: [[String]]) throws -> [[String]: Set<String>] {
        let ids = Set(try state.rejected(table.name).map(\.sourceRow))
        guard !ids.isEmpty, !needed.isEmpty else { return [:] }
        let id = try identity(table)
        var keys: [[String]: Set<String>] = [:]
        for cols in needed {
            let sql = "SELECT \(id), " + cols.map { SQLText.quote($0) }.joined(separator: ", ") + " FROM \(SQLText.quote(table.name))"
            try source.forEachRow(sql) { row in
                guard let rowID = row.text(0), ids.contains(rowID) else { return }
                keys[cols, default: []].insert((1...cols.count).map { row.text(Int32($0)) ?? "" }.joined(separator: RowJudge.separator))
            }
        }
        return keys
    }
}
