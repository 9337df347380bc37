import Foundation

/// The revision history could not be replayed into a scratch database (`check`).
public struct HistoryReplayError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The schema the revision history produces, replayed into a scratch database of the same
/// dialect: an in-memory SQLite database, or a temporary PostgreSQL database created and dropped.
public enum HistorySchema {
    /// The prefix of scratch database names: `retort_scratch_<backend pid>_<random>`.
    static let scratchPrefix = "retort_scratch_"

    /// Replays every revision (all heads) and reads the result back.
    public static func replay(_ graph: RevisionGraph, like url: DatabaseURL) throws -> Schema {
        do {
            return try withScratchDatabase(like: url, purpose: "replay the history (or use check --no-history)") { db in
                try replay(graph, into: db)
            }
        } catch let error as MigrationError {
            throw HistoryReplayError(
                description: "the revision history does not replay on a fresh \(url.dialect.rawValue) database: \(error.step) failed: \(error.reason)")
        }
    }

    /// Runs `body` on an empty database of the same dialect as `url`: an in-memory SQLite database, or
    /// a PostgreSQL database created on the same server and dropped afterwards (whatever happens).
    public static func withScratchDatabase<T>(
        like url: DatabaseURL, purpose: String, _ body: (any DatabaseConnection) throws -> T
    ) throws -> T {
        switch url {
        case .sqlite:
            let db = try SQLiteConnection(path: ":memory:")
            defer { db.close() }
            return try body(db)
        case .postgres(let server):
            let admin = try PostgresConnection(url: server)
            defer { admin.close() }
            try dropStaleScratchDatabases(admin)
            // The name carries the creating session's pid: a later run drops it if that session is gone.
            let pid = try admin.query("SELECT pg_backend_pid()").first?.first?.int ?? 0
            let name = scratchPrefix + "\(pid)_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8).lowercased()
            do {
                try admin.execute("CREATE DATABASE \(SQLText.quote(name))")
            } catch {
                throw DatabaseError("cannot create a scratch database to \(purpose) (\(error)); grant CREATEDB")
            }
            defer { try? admin.execute("DROP DATABASE IF EXISTS \(SQLText.quote(name)) WITH (FORCE)") }
            let db = try PostgresConnection(url: server.replacingDatabase(with: name))
            defer { db.close() }
            return try body(db)
        }
    }

    /// Drops scratch databases whose creating session has ended (a `check` killed mid-way).
    static func dropStaleScratchDatabases(_ admin: any DatabaseConnection) throws {
        let rows = try admin.query(
            """
            SELECT d.datname FROM pg_database d
            WHERE d.datname LIKE 'retort\\_scratch\\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                              WHERE d.datname LIKE 'retort\\_scratch\\_' || a.pid || '\\_%')
            """)
        for row in rows {
            guard let name = row.first?.string else { continue }
            try? admin.execute("DROP DATABASE IF EXISTS \(SQLText.quote(name)) WITH (FORCE)")
        }
    }

    static func replay(_ graph: RevisionGraph, into db: any DatabaseConnection) throws -> Schema {
        try Migrator(graph: graph, connection: db).upgrade(to: "heads")
        return try db.dialect.implementation.introspect(db)
    }
}
