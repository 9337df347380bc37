import Foundation

/// The schema the revision history produces, replayed into a scratch database of the same
/// dialect: an in-memory SQLite database, or a temporary PostgreSQL database created and dropped.
public enum HistorySchema {
    /// Replays every revision (all heads) and reads the result back.
    public static func replay(_ graph: RevisionGraph, like url: DatabaseURL) throws -> Schema {
        switch url {
        case .sqlite:
            let db = try SQLiteConnection(path: ":memory:")
            defer { db.close() }
            return try replay(graph, into: db)
        case .postgres(let server):
            let admin = try PostgresConnection(url: server)
            defer { admin.close() }
            let name = "retort_scratch_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
            do {
                try admin.execute("CREATE DATABASE \(SQLText.quote(name))")
            } catch {
                throw DatabaseError("cannot create the scratch database to replay the history (\(error)); grant CREATEDB")
            }
            defer { try? admin.execute("DROP DATABASE IF EXISTS \(SQLText.quote(name)) WITH (FORCE)") }
            let db = try PostgresConnection(url: server.replacingDatabase(with: name))
            defer { db.close() }
            return try replay(graph, into: db)
        }
    }

    static func replay(_ graph: RevisionGraph, into db: any DatabaseConnection) throws -> Schema {
        try Migrator(graph: graph, connection: db).upgrade(to: "heads")
        return try db.dialect.implementation.introspect(db)
    }
}
