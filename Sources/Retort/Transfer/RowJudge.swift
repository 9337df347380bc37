/// Decides, row by row, whether a source row is copied (its COPY fields appended) or rejected,
/// and why: a value that cannot be converted exactly, a parent row that is missing from the
/// source, or a parent row that was itself rejected.
struct RowJudge {
    static let separator = "\u{1F}"

    /// The query that reads the rows: identity first, then the copied columns.
    let select: String
    private let table: String
    private let columns: [Column]
    private let converters: [ValueConverter]
    private let position: [String: Int32]
    private let keyColumns: [String]
    private let orphans: [String: String]
    private let parentChecks: [(fk: ForeignKey, positions: [Int32], rejected: Set<String>)]
    private let needed: [([String], [Int32])]
    private let preRejected: [String: [String]]

    struct Verdict {
        var rowID: String
        var problems: [(column: String?, value: String?, reason: String)]
    }

    init(
        item: TransferPlan.Item, plan: TransferPlan, transfer: Transfer, parents: [String: [[String]: Set<String>]],
        preRejected: [String: [String]]
    ) throws {
        let name = item.target.name, q = SQLText.quote(name)
        table = name
        columns = item.columns
        position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, Int32($0 + 1)) })
        converters = columns.map { ValueConverter(column: $0, zone: transfer.options.timeZone) }
        keyColumns = item.source.primaryKey?.columns ?? []
        let id = try transfer.identity(item.source)
        select = "SELECT \(id), " + columns.map { SQLText.quote($0.name) }.joined(separator: ", ") + " FROM \(q)"
        // Rows whose parent is not in the source at all (SQLite rarely enforces foreign keys).
        var orphans: [String: String] = [:]
        for fk in item.target.foreignKeys where plan.source.table(fk.referencedTable) != nil {
            let childID = try transfer.identity(item.source, alias: "c")
            let sql = "SELECT \(childID) FROM \(q) AS c WHERE \(fk.pointsNowhere)"
            for row in try transfer.source.query(sql) {
                orphans[row.first?.string ?? ""] = "references no row of \(fk.referencedTable) (\(fk.columns.joined(separator: ", ")))"
            }
        }
        self.orphans = orphans
        let position = self.position
        parentChecks = item.target.foreignKeys.compactMap { fk in
            guard let set = parents[fk.referencedTable]?[fk.referencedColumns], !set.isEmpty else { return nil }
            return (fk, fk.columns.compactMap { position[$0] }, set)
        }
        needed = transfer.referencedColumnSets(of: name, in: plan).map { cols in (cols, cols.compactMap { position[$0] }) }
        self.preRejected = preRejected
    }

    static func parentRejected(_ fk: ForeignKey, _ values: [String]) -> String {
        "its parent row in \(fk.referencedTable) (\(zip(fk.referencedColumns, values).map { "\($0)=\($1)" }.joined(separator: ", "))) was rejected"
    }

    /// Appends the row's COPY fields (without the newline) when it has no problem.
    func judge(_ row: SQLiteRow, into buffer: inout [UInt8]) -> Verdict {
        let rowID = row.text(0) ?? ""
        var problems: [(column: String?, value: String?, reason: String)] = []
        if let reasons = preRejected[rowID] { problems += reasons.map { (nil, nil, $0) } }
        if let orphan = orphans[rowID], problems.isEmpty { problems.append((nil, nil, orphan)) }
        for check in parentChecks where problems.isEmpty {
            let values = check.positions.map { row.text($0) }
            if values.count == check.fk.columns.count, !values.contains(where: { $0 == nil }),
                check.rejected.contains(values.map { $0! }.joined(separator: Self.separator))
            {
                problems.append((nil, nil, Self.parentRejected(check.fk, values.map { $0! })))
            }
        }
        guard problems.isEmpty else { return Verdict(rowID: rowID, problems: problems) }
        for (k, converter) in converters.enumerated() {
            if k > 0 { buffer.append(CopyText.tab) }
            let cell = row.cell(Int32(k + 1), numbersAsText: converter.wantsNumbersAsText)
            if let reason = converter.append(cell, to: &buffer) { problems.append((columns[k].name, cell.display, reason)) }
        }
        return Verdict(rowID: rowID, problems: problems)
    }

    /// The row's key for a report: `column=value` pairs, or its rowid.
    func key(_ row: SQLiteRow) -> String {
        keyColumns.isEmpty
            ? "rowid=\(row.text(0) ?? "")"
            : keyColumns.map { "\($0)=\(position[$0].flatMap { row.text($0) } ?? "NULL")" }.joined(separator: ", ")
    }

    /// The row's values of the column sets other tables' keys reference, each joined.
    func neededKeys(_ row: SQLiteRow) -> [([String], String)] {
        needed.filter { $0.1.count == $0.0.count }.map { cols, positions in
            (cols, positions.map { row.text($0) ?? "" }.joined(separator: Self.separator))
        }
    }
}
