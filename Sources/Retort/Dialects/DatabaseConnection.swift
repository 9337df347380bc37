/// A failure reported by a database or its client library.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The database's message, on one line.
    public var message: String
    /// The SQL that failed, if a statement failed.
    public var sql: String?
    /// The SQLSTATE code, when the server gave one (`55P03`: lock not available).
    public var code: String?

    /// A database error with a one-line message.
    public init(_ message: String, sql: String? = nil, code: String? = nil) {
        self.message = message.split(whereSeparator: \.isNewline).map(String.init).joined(separator: " ")
        self.sql = sql
        self.code = code
    }

    /// True when the statement gave up waiting for a lock (`lock_timeout`).
    public var isLockTimeout: Bool { code == "55P03" }

    /// The code of a wait for Retort's own migration lock that timed out (another run holds it).
    public static let migrationLockBusy = "retort-lock-busy"

    /// True when another migrate run held the migration lock for longer than the lock timeout.
    public var isMigrationLockBusy: Bool { code == Self.migrationLockBusy }

    public var description: String { message }
}

/// An open connection to a database of some dialect.
public protocol DatabaseConnection: MigrationDatabase, AnyObject {
    /// Runs a query and returns its column names with every row.
    func queryResult(_ sql: String, _ parameters: [SQLValue]) throws -> QueryResult
    /// Runs one or more statements with no parameters.
    func executeScript(_ sql: String) throws
    /// Closes the connection; later calls fail.
    func close()
}

extension MigrationDatabase {
    /// Runs one statement with no parameters.
    public func execute(_ sql: String) throws { try execute(sql, []) }
    /// Runs a query with no parameters.
    public func query(_ sql: String) throws -> [[SQLValue]] { try query(sql, []) }
}

/// A query's rows with the names of its columns (their aliases), in order.
public struct QueryResult: Sendable {
    /// The column names, in the order of each row's values.
    public var columns: [String]
    /// The rows.
    public var rows: [[SQLValue]]

    /// A result.
    public init(columns: [String], rows: [[SQLValue]]) {
        self.columns = columns
        self.rows = rows
    }
}
