/// One row of a query Retort reads (the catalogs, its own bookkeeping tables), read by column
/// alias. Every such query is decoded into a named record type (`CatalogRecord`) through
/// `CatalogRow.decode`: this file is the only place a row's values are taken by position.
struct CatalogRow {
    private let values: [SQLValue]
    private let reader: Reader

    /// Finds each alias's position: by name on the first row (noting the order the record reads
    /// them in), then by that order, which costs a string comparison instead of a hash per field.
    private final class Reader {
        let positions: [String: Int]
        /// The aliases the record read from the first row, with their positions (-1: no such column).
        var order: [(alias: String, position: Int)] = []
        var learning = true
        var cursor = 0

        init(columns: [String]) {
            positions = Dictionary(columns.enumerated().map { ($1, $0) }) { a, _ in a }
        }

        @inline(__always)
        func position(of alias: String) -> Int? {
            if learning {
                let position = positions[alias] ?? -1
                order.append((alias, position))
                return position >= 0 ? position : nil
            }
            if cursor < order.count, order[cursor].alias == alias {
                cursor += 1
                let position = order[cursor - 1].position
                return position >= 0 ? position : nil
            }
            cursor = order.count  // read in another order: by name from here on in this row
            return positions[alias]
        }
    }

    /// The value of the column `alias`; NULL (and, on the first row, a mismatch) when there is none.
    subscript(_ alias: String) -> SQLValue {
        guard let i = reader.position(of: alias), i < values.count else { return .null }
        return values[i]
    }

    /// The text of the column `alias`, or nil (read in place, without copying the value first).
    func string(_ alias: String) -> String? {
        guard let i = reader.position(of: alias), i < values.count else { return nil }
        return values[i].string
    }
    /// The integer of the column `alias`, or nil.
    func int(_ alias: String) -> Int64? {
        guard let i = reader.position(of: alias), i < values.count else { return nil }
        return values[i].int
    }
    /// True when the column `alias` holds true (PostgreSQL's `t`, SQLite's 1).
    func bool(_ alias: String) -> Bool { int(alias) == 1 }

    /// The rows of `result` as records (see `records`).
    static func decode<R: CatalogRecord>(_ result: QueryResult, as type: R.Type = R.self) throws -> [R] {
        Array(try records(result, as: type))
    }

    /// The rows of `result` by the text of their column `alias` (rows where it is NULL left out),
    /// each part with every column, in the order the rows came.
    static func split(_ result: QueryResult, by alias: String) -> [String: QueryResult] {
        guard let i = result.columns.firstIndex(of: alias) else { return [:] }
        var rows: [String: [[SQLValue]]] = [:]
        for row in result.rows { if i < row.count, let key = row[i].string { rows[key, default: []].append(row) } }
        return rows.mapValues { QueryResult(columns: result.columns, rows: $0) }
    }

    /// The rows of `result` as records, each decoded when the loop reaches it (a large catalog
    /// read never holds every record at once). The first row is checked against the record here:
    /// every column the query returns is read, and every name the record reads is a column;
    /// otherwise a `CatalogMismatch` names what differs.
    static func records<R: CatalogRecord>(_ result: QueryResult, as type: R.Type = R.self) throws -> CatalogRecords<R> {
        let reader = Reader(columns: result.columns)
        if let first = result.rows.first {
            _ = R(CatalogRow(values: first, reader: reader))
            try CatalogMismatch.check(R.self, columns: result.columns, read: reader.order.map(\.alias))
        }
        reader.learning = false
        return CatalogRecords(rows: result.rows, read: { values in
            reader.cursor = 0
            return R(CatalogRow(values: values, reader: reader))
        })
    }
}

/// The records of a query's rows, decoded one at a time as a loop reaches them.
struct CatalogRecords<R: CatalogRecord>: Sequence {
    fileprivate let rows: [[SQLValue]]
    fileprivate let read: ([SQLValue]) -> R

    /// An iterator over the records.
    func makeIterator() -> AnyIterator<R> {
        var iterator = rows.makeIterator()
        return AnyIterator { iterator.next().map(read) }
    }

    var underestimatedCount: Int { rows.count }
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
