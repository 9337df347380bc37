import Retort

/// Wraps a connection and counts the statements that reach the database.
final class CountingConnection: DatabaseConnection {
    let inner: any DatabaseConnection
    private(set) var count = 0

    init(_ inner: any DatabaseConnection) { self.inner = inner }

    var dialect: DialectName { inner.dialect }
    func executeScript(_ sql: String) throws {
        count += 1
        try inner.executeScript(sql)
    }
    func execute(_ sql: String, _ parameters: [SQLValue]) throws {
        count += 1
        try inner.execute(sql, parameters)
    }
    func query(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]] {
        count += 1
        return try inner.query(sql, parameters)
    }
    func queryResult(_ sql: String, _ parameters: [SQLValue]) throws -> QueryResult {
        count += 1
        return try inner.queryResult(sql, parameters)
    }
    func close() { inner.close() }
}
