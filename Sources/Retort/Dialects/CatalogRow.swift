/// One row of a query Retort reads (the catalogs, its own bookkeeping tables), read by column
/// alias. Every such query is decoded into a named record type (`CatalogRecord`) through
/// `CatalogRow.decode`: this file is the only place a row's values are taken by position.
struct CatalogRow {
    private let values: [SQLValue]
    private let positions: [String: Int]
    private let log: ReadLog?

    /// The names a record read from the first row, to compare with the query's columns.
    private final class ReadLog {
        var names: [String] = []
    }

    /// The value of the column `alias`; NULL (and, on the first row, a mismatch) when there is none.
    subscript(_ alias: String) -> SQLValue {
        log?.names.append(alias)
        guard let i = positions[alias], i < values.count else { return .null }
        return values[i]
    }

    /// The text of the column `alias`, or nil.
    func string(_ alias: String) -> String? { self[alias].string }
    /// The integer of the column `alias`, or nil.
    func int(_ alias: String) -> Int64? { self[alias].int }
    /// True when the column `alias` holds true (PostgreSQL's `t`, SQLite's 1).
    func bool(_ alias: String) -> Bool { self[alias].int == 1 }

    /// The rows of `result` as records. The first row checks the record against the query: every
    /// column the query returns is read, and every name the record reads is a column; otherwise a
    /// `CatalogMismatch` names what differs.
    static func decode<R: CatalogRecord>(_ result: QueryResult, as type: R.Type = R.self) throws -> [R] {
        let positions = Dictionary(result.columns.enumerated().map { ($1, $0) }) { a, _ in a }
        var records: [R] = []
        records.reserveCapacity(result.rows.count)
        for (n, values) in result.rows.enumerated() {
            guard n == 0 else {
                records.append(R(CatalogRow(values: values, positions: positions, log: nil)))
                continue
            }
            let log = ReadLog()
            records.append(R(CatalogRow(values: values, positions: positions, log: log)))
            try CatalogMismatch.check(R.self, columns: result.columns, read: log.names)
        }
        return records
    }
}

/// A record type for one catalog query's rows: its stored properties are the query's column
/// aliases, each read once, by name, in `init`.
protocol CatalogRecord {
    /// Reads every field from the row.
    init(_ row: CatalogRow)
}

/// A catalog query and the record type that reads it disagree: a column with no field, or a
/// field with no column. A programming error, found by the first introspection (and the tests).
struct CatalogMismatch: Error, CustomStringConvertible {
    var description: String

    static func check(_ type: Any.Type, columns: [String], read: [String]) throws {
        let unread = Set(columns).subtracting(read).sorted(), unknown = Set(read).subtracting(columns).sorted()
        guard unread.isEmpty, unknown.isEmpty else {
            throw CatalogMismatch(description:
                "catalog query for \(type): "
                + [unread.isEmpty ? nil : "column(s) \(unread.joined(separator: ", ")) have no field",
                   unknown.isEmpty ? nil : "field(s) \(unknown.joined(separator: ", ")) have no column"]
                    .compactMap { $0 }.joined(separator: "; "))
        }
    }
}

/// A row of a dialect's table-size query: a table and its (estimated or counted) rows.
struct TableRowCount: CatalogRecord {
    var tableName: String
    var rowCount: Int64

    init(_ row: CatalogRow) {
        tableName = row.string("tableName") ?? ""
        rowCount = row.int("rowCount") ?? 0
    }
}
