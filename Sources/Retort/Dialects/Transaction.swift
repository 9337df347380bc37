/// The one way Retort opens, commits and rolls back a transaction on a connection.
extension DatabaseConnection {
    /// Runs `body` in a transaction opened with `begin` (a dialect's `beginTransaction`, or
    /// `BEGIN`): committed when `body` returns, rolled back when it throws (and the error rethrown).
    @discardableResult
    func inTransaction<T>(begin: String = "BEGIN", _ body: (TransactionScope) throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body(TransactionScope(db: self, begin: begin))
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// An open transaction, handed to `inTransaction`'s body.
struct TransactionScope {
    fileprivate let db: any DatabaseConnection
    fileprivate let begin: String

    /// Commits what is done so far, runs `outside` with no transaction open (steps that commit on
    /// their own), then opens the next transaction the same way; the scope continues in it.
    func commit(thenOutside outside: () throws -> Void) throws {
        try db.execute("COMMIT")
        try outside()
        try db.execute(begin)
    }
}
