/// Rows a downgrade would delete: a table (or partition) it drops, or a column it drops, that holds data now.
public struct DataAtRisk: Hashable, Sendable, CustomStringConvertible {
    /// The table dropped, or holding the dropped column.
    public var table: String
    /// The dropped column; nil when the whole table goes.
    public var column: String?
    /// Rows that hold data there (for a column: rows where it is not NULL).
    public var rows: Int

    public var description: String {
        let place = column.map { "column \(table).\($0)" } ?? "table \(table)"
        return "\(place) (\(rows) row\(rows == 1 ? "" : "s"))"
    }
}

/// A downgrade would drop tables or columns that hold rows, and neither a backup nor
/// `--accept-data-loss` was given.
public struct DataLossError: Error, CustomStringConvertible, Sendable {
    /// The target of the downgrade.
    public var target: String
    /// What it would delete.
    public var risks: [DataAtRisk]

    /// A refusal to downgrade to `target`, naming what it would delete.
    public init(target: String, risks: [DataAtRisk]) {
        self.target = target
        self.risks = risks
    }

    public var description: String {
        "downgrade \(target) would delete data: \(risks.map(\.description).joined(separator: ", ")); "
            + "pass --backup PATH to keep a copy first, or --accept-data-loss"
    }
}

extension Migrator {
    /// What downgrading to `target` would delete, read from the database as it is: every table a
    /// reverted revision drops and every column it drops, with the rows holding data there.
    /// Tables a later step of the same downgrade creates first are not there yet and count nothing.
    public func dataAtRisk(downgradingTo target: String) throws -> [DataAtRisk] {
        let plan = try MigrationPath(graph: graph).downgradePlan(target, heads: Set(heads()))
        var risks: [DataAtRisk] = []
        var seen = Set<String>()
        for step in plan {
            for op in step.revision.downgrade {
                let table: String, column: String?
                switch op {
                case .dropTable(let t): (table, column) = (t.name, nil)
                case .dropObject(.partition(_, _, let p)): (table, column) = (p.name, nil)
                case .dropColumn(let t, let c): (table, column) = (t, c.name)
                default: continue
                }
                guard seen.insert(table + "\u{0}" + (column ?? "")).inserted, try dialect.hasTable(table, in: db) else { continue }
                let filter = column.map { " WHERE \(SQLText.quote($0)) IS NOT NULL" } ?? ""
                // A column an earlier step of this downgrade already took away cannot be counted.
                guard let count = try? db.query("SELECT count(*) FROM \(SQLText.quote(table))\(filter)").first?.first?.int else { continue }
                let rows = Int(count)
                if rows > 0 { risks.append(DataAtRisk(table: table, column: column, rows: rows)) }
            }
        }
        return risks
    }
}
