/// How long a step of a non-transactional revision may wait for a table lock before it gives up
/// and tries again: a short wait, so that writers never queue behind a DDL statement waiting for a
/// long transaction, and a bounded number of tries. Concurrent index builds, VALIDATE and batches
/// wait longer (a concurrent build must wait for older transactions to end).
public struct LockPolicy: Sendable, Hashable {
    /// `lock_timeout` for a step that takes a strong lock, in milliseconds.
    public var timeout: Int
    /// `lock_timeout` for concurrent index builds, VALIDATE and batches, in milliseconds.
    public var longTimeout: Int
    /// Tries after the first, with a doubling pause from `pause` milliseconds.
    public var retries: Int
    /// Milliseconds to wait between attempts.
    public var pause: Int

    /// A policy; the standard one waits 2 s for a lock (60 s for builds and validation), 5 retries.
    public init(timeout: Int = 2_000, longTimeout: Int = 60_000, retries: Int = 5, pause: Int = 200) {
        self.timeout = timeout
        self.longTimeout = longTimeout
        self.retries = retries
        self.pause = pause
    }

    /// The policy `upgrade` uses unless told otherwise.
    public static let standard = LockPolicy()

    /// The wait that applies to an operation.
    func timeout(for op: MigrationOperation) -> Int {
        switch op {
        case .createIndexConcurrently, .dropIndexConcurrently, .validateConstraint, .batchedUpdate: return longTimeout
        case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex, .addConstraint,
            .dropConstraint, .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex,
            .renameConstraint, .renameEnumType, .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue,
            .replaceEnumType, .createSequence, .dropSequence, .alterSequence, .setIndexComment, .backfill, .expect, .execute,
            .code, .createObject, .dropObject, .replaceObject, .recreateObject: return timeout
        }
    }
}
