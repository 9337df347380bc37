import CSQLite3
import Foundation

private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A connection to an SQLite database file through libsqlite3.
public final class SQLiteConnection: InterruptibleConnection {
    private var handle: OpaquePointer?
    /// Stops this connection's work from another thread (`sqlite3_interrupt`).
    public private(set) var interrupter = DatabaseInterrupter(cancel: {})
    /// The file this connection opened (`:memory:` for an in-memory database).
    public let path: String
    /// How long to wait for a lock, in milliseconds (SQLite's busy timeout and the migration lock).
    public private(set) var busyTimeout: Int32
    /// The descriptor holding the migration lock (a `flock` on the database file), while held.
    private var runLock: Int32 = -1

    /// Opens the database at `path` (creating it only when `create` is true); waits up to
    /// `busyTimeout` ms for locks. With `singleThread`, SQLite takes no mutex per call (the
    /// connection must then never be used by two threads at once: a transfer's source).
    public init(path: String, create: Bool = true, busyTimeout: Int32 = 60_000, singleThread: Bool = false) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        if path != ":memory:", !path.hasPrefix("file:") {
            var info = stat()
            if stat(path, &info) == 0 {
                // A device, a pipe or a folder reads as an empty database and swallows writes.
                guard info.st_mode & S_IFMT == S_IFREG else {
                    throw DatabaseError("'\(path)' is not an SQLite database: it is not a regular file")
                }
            } else if !create {
                throw DatabaseError("there is no SQLite database at '\(path)' (only upgrade, downgrade and stamp create one)")
            }
        }
        var flags = SQLITE_OPEN_READWRITE | (singleThread ? SQLITE_OPEN_NOMUTEX : SQLITE_OPEN_FULLMUTEX) | SQLITE_OPEN_URI
        if create { flags |= SQLITE_OPEN_CREATE }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close(db)
            throw DatabaseError("cannot open SQLite database '\(path)': \(message)")
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeout)
        // Opening reads nothing: the first read says whether the file is a database at all.
        let probe = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nil, nil, nil)
        if probe == SQLITE_NOTADB || probe == SQLITE_CORRUPT {
            let message = String(cString: sqlite3_errmsg(db))
            sqlite3_close_v2(db)
            handle = nil
            throw DatabaseError("'\(path)' is not an SQLite database (\(message))")
        }
        sqlite3_exec(db, "PRAGMA foreign_keys = ON", nil, nil, nil)
        interrupter = DatabaseInterrupter { sqlite3_interrupt(db) }
    }

    deinit { close() }

    public var dialect: DialectName { .sqlite }

    public func close() {
        interrupter.closing()
        unlockRun()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Sets how long to wait for a lock, in milliseconds.
    public func setBusyTimeout(_ milliseconds: Int32) throws {
        busyTimeout = milliseconds
        sqlite3_busy_timeout(try db(), milliseconds)
    }

    /// Takes the migration lock for a whole run: an exclusive `flock` on the database file, which
    /// SQLite's own (fcntl) locks never touch. Revisions keep their own transactions inside it.
    /// Waits up to the busy timeout; an in-memory database needs no lock.
    public func lockRun() throws {
        guard path != ":memory:", runLock < 0 else { return }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DatabaseError("cannot open '\(path)' to take the migration lock: \(String(cString: strerror(errno)))") }
        let deadline = Date().addingTimeInterval(Double(busyTimeout) / 1000)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline, !interrupter.isInterrupted else {
                Foundation.close(fd)
                throw DatabaseError(
                    "timed out after \(busyTimeout) ms waiting for Retort's migration lock on '\(path)' (another migrate run holds it; --lock-timeout waits longer)",
                    code: DatabaseError.migrationLockBusy)
            }
            usleep(20_000)
        }
        runLock = fd
    }

    /// Releases the migration lock, if held.
    public func unlockRun() {
        guard runLock >= 0 else { return }
        flock(runLock, LOCK_UN)
        Foundation.close(runLock)
        runLock = -1
    }

    /// The SQL function `registerFloatBits()` defines: `retort_float_bits(x, single)`.
    public static let floatBitsFunction = "retort_float_bits"

    /// Defines `retort_float_bits(x, single)` on this connection: the IEEE 754 bits of `x` read as
    /// a double (as a 4-byte float when `single` is 1), in hex, as PostgreSQL's
    /// `encode(float8send(x), 'hex')` prints them; NULL stays NULL. Transfer verification compares
    /// floating-point values by what is stored, not by two printers' decimal text.
    public func registerFloatBits() throws {
        let rc = sqlite3_create_function_v2(
            try db(), Self.floatBitsFunction, 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, _, arguments in
                guard let arguments, let value = arguments[0], sqlite3_value_type(value) != SQLITE_NULL else {
                    sqlite3_result_null(context)
                    return
                }
                let double = sqlite3_value_double(value)
                let single = arguments[1].map { sqlite3_value_int($0) != 0 } ?? false
                let bits = single ? UInt64(Float(double).bitPattern) : double.bitPattern
                var hex = String(bits, radix: 16)
                hex = String(repeating: "0", count: (single ? 8 : 16) - hex.count) + hex
                sqlite3_result_text(context, hex, -1, SQLITE_TRANSIENT)
            }, nil, nil, nil)
        guard rc == SQLITE_OK else { throw DatabaseError("cannot define \(Self.floatBitsFunction): \(String(cString: sqlite3_errstr(rc)))") }
    }

    /// Copies the whole database, online, to a new file at `path` with SQLite's backup API
    /// (writers wait only while a page batch is copied).
    public func backup(to path: String) throws {
        let source = try db()
        var target: OpaquePointer?
        guard sqlite3_open_v2(path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let target else {
            let message = target.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open it"
            sqlite3_close(target)
            throw DatabaseError("cannot write the backup to \(path): \(message)")
        }
        defer { sqlite3_close(target) }
        guard let backup = sqlite3_backup_init(target, "main", source, "main") else {
            throw DatabaseError("cannot start the backup to \(path): \(String(cString: sqlite3_errmsg(target)))")
        }
        var rc: Int32
        repeat {
            rc = sqlite3_backup_step(backup, 256)
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE else { throw DatabaseError("the backup to \(path) failed: \(String(cString: sqlite3_errstr(rc)))") }
    }

    private func db() throws -> OpaquePointer {
        try interrupter.check()
        guard let handle else { throw DatabaseError("the SQLite connection is closed") }
        return handle
    }

    private func error(_ sql: String?) -> DatabaseError {
        DatabaseError(handle.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error", sql: sql)
    }

    public func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(try db(), sql, nil, nil, &message) != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "SQLite error"
            sqlite3_free(message)
            throw DatabaseError(text, sql: sql)
        }
    }

    public func execute(_ sql: String, _ parameters: [SQLValue]) throws {
        _ = try run(sql, parameters, collect: false)
    }

    public func query(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]] {
        try run(sql, parameters, collect: true).rows
    }

    public func queryResult(_ sql: String, _ parameters: [SQLValue]) throws -> QueryResult {
        try run(sql, parameters, collect: true)
    }

    /// Prepares `sql` with `parameters` bound and hands the statement to `body`.
    func withStatement<T>(_ sql: String, _ parameters: [SQLValue], _ body: (OpaquePointer) throws -> T) throws -> T {
        let db = try db()
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw error(sql) }
        defer { sqlite3_finalize(statement) }
        for (i, value) in parameters.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .null: sqlite3_bind_null(statement, index)
            case .integer(let v): sqlite3_bind_int64(statement, index, v)
            case .double(let v): sqlite3_bind_double(statement, index, v)
            case .text(let v): sqlite3_bind_text(statement, index, v, -1, SQLITE_TRANSIENT)
            case .blob(let v):
                _ = v.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32(v.count), SQLITE_TRANSIENT) }
            }
        }
        return try body(statement)
    }

    /// The connection's last error message.
    var lastErrorMessage: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error" }

    private func run(_ sql: String, _ parameters: [SQLValue], collect: Bool) throws -> QueryResult {
        try withStatement(sql, parameters) { statement in
            var rows: [[SQLValue]] = []
            let count = sqlite3_column_count(statement)
            let names = (0..<count).map { sqlite3_column_name(statement, $0).map { String(cString: $0) } ?? "" }
            while true {
                let rc = sqlite3_step(statement)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { throw error(sql) }
                guard collect else { continue }
                var row: [SQLValue] = []
                row.reserveCapacity(Int(count))
                for c in 0..<count {
                    switch sqlite3_column_type(statement, c) {
                    case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(statement, c)))
                    case SQLITE_FLOAT: row.append(.double(sqlite3_column_double(statement, c)))
                    case SQLITE_TEXT: row.append(.text(String(cString: sqlite3_column_text(statement, c))))
                    case SQLITE_BLOB:
                        let n = Int(sqlite3_column_bytes(statement, c))
                        if let p = sqlite3_column_blob(statement, c) {
                            row.append(.blob(Array(UnsafeRawBufferPointer(start: p, count: n))))
                        } else {
                            row.append(.blob([]))
                        }
                    default: row.append(.null)
                    }
                }
                rows.append(row)
            }
            return QueryResult(columns: names, rows: rows)
        }
    }
}
