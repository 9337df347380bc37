import CSQLite3

/// The current row of a statement being stepped, read without copying text or blobs.
struct SQLiteRow {
    fileprivate let statement: OpaquePointer

    /// The column's value as stored; with `numbersAsText`, integers and reals come as the text
    /// SQLite itself makes of them.
    func cell(_ column: Int32, numbersAsText: Bool = false) -> SourceCell {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER where !numbersAsText: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT where !numbersAsText: return .real(sqlite3_column_double(statement, column))
        case SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT:
            let p = sqlite3_column_text(statement, column)
            let n = Int(sqlite3_column_bytes(statement, column))
            return .text(UnsafeRawBufferPointer(start: p, count: p == nil ? 0 : n))
        case SQLITE_BLOB:
            let p = sqlite3_column_blob(statement, column)
            let n = Int(sqlite3_column_bytes(statement, column))
            return .blob(UnsafeRawBufferPointer(start: p, count: p == nil ? 0 : n))
        default: return .null
        }
    }

    /// The column as text (numbers in SQLite's spelling); nil for NULL.
    func text(_ column: Int32) -> String? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL, let p = sqlite3_column_text(statement, column) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    /// The column as an integer.
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
}

extension SQLiteConnection {
    /// Steps through a query's rows one at a time (memory stays flat whatever the row count).
    func forEachRow(_ sql: String, _ parameters: [SQLValue] = [], _ body: (SQLiteRow) throws -> Void) throws {
        try withStatement(sql, parameters) { statement in
            let row = SQLiteRow(statement: statement)
            while true {
                let rc = sqlite3_step(statement)
                if rc == SQLITE_DONE { return }
                guard rc == SQLITE_ROW else { throw DatabaseError(lastErrorMessage, sql: sql) }
                try body(row)
            }
        }
    }
}
