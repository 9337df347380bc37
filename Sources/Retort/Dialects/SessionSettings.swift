import Foundation

/// Settings for the session that runs migrations.
public struct SessionSettings: Sendable, Hashable {
    /// The PostgreSQL schema to read and change (default: the connection's `search_path`, usually `public`).
    public var schema: String?
    /// How long to wait for a lock before failing (`5s`, `500ms`; a bare number is milliseconds).
    public var lockTimeout: String?
    /// How long one statement may run before it is cancelled (PostgreSQL only).
    public var statementTimeout: String?
    /// With `schema`: keep the connection's `search_path` after it (a fleet's schema target, whose
    /// extensions' types live in the database's shared schemas) instead of `schema` alone.
    public var schemaBeforePath = false

    /// Session settings; nil leaves the server's default.
    public init(schema: String? = nil, lockTimeout: String? = nil, statementTimeout: String? = nil) {
        self.schema = schema
        self.lockTimeout = lockTimeout
        self.statementTimeout = statementTimeout
    }

    /// A duration (`250ms`, `5s`, `2min`, or milliseconds) in milliseconds.
    static func milliseconds(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (unit, factor) in [("ms", 1.0), ("min", 60_000.0), ("s", 1000.0), ("h", 3_600_000.0)] where t.hasSuffix(unit) {
            return Double(t.dropLast(unit.count).trimmingCharacters(in: .whitespaces)).map { Int($0 * factor) }
        }
        return Int(t)
    }

    /// Applies the settings to a fresh connection.
    public func apply(to db: any DatabaseConnection) throws {
        switch db.dialect {
        case .sqlite:
            if schema != nil { throw DatabaseURLError(description: "--schema applies to PostgreSQL only; SQLite has one schema") }
            if statementTimeout != nil { throw DatabaseURLError(description: "--statement-timeout applies to PostgreSQL only") }
            if let lockTimeout {
                guard let ms = Self.milliseconds(lockTimeout) else {
                    throw DatabaseURLError(description: "lock timeout '\(lockTimeout)' is not a duration like 500ms or 5s")
                }
                if let sqlite = db as? SQLiteConnection {
                    try sqlite.setBusyTimeout(Int32(clamping: ms))
                } else {
                    try db.execute("PRAGMA busy_timeout = \(ms)")
                }
            }
        case .postgres:
            if let schema {
                guard try db.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [.text(schema)]).count == 1 else {
                    throw DatabaseError("schema '\(schema)' does not exist")
                }
                if schemaBeforePath {
                    _ = try db.query("SELECT set_config('search_path', $1 || ', ' || current_setting('search_path'), false)", [.text(SQLText.quote(schema))])
                } else {
                    try db.execute("SET search_path TO \(SQLText.quote(schema))")
                }
                (db as? PostgresConnection)?.schemaOverride = schema
            }
            if let lockTimeout { try db.execute("SET lock_timeout = \(SQLText.literal(lockTimeout))") }
            if let statementTimeout { try db.execute("SET statement_timeout = \(SQLText.literal(statementTimeout))") }
        }
    }
}
