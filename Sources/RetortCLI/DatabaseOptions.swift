import ArgumentParser
import Foundation
import Retort

/// `--url`, shared by every command that reads or changes a database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Database URL: sqlite:///relative.db, sqlite:////absolute.db or postgres://user@host/db. Default: DATABASE_URL, else the project's embedded SQLite file.")
    var url: String?

    @Option(help: "PostgreSQL schema to read and change (default: the search_path, usually public).")
    var schema: String?

    @Option(help: "Fail instead of waiting longer than this for a lock (e.g. 5s; SQLite: busy timeout).")
    var lockTimeout: String?

    @Option(help: "Cancel any statement that runs longer than this (e.g. 60s; PostgreSQL only).")
    var statementTimeout: String?

    /// The URL to use: `--url`, then `DATABASE_URL`, then the embedded default.
    func resolved(defaultPath: String) throws -> DatabaseURL {
        if let url { return try DatabaseURL(url) }
        if let env = ProcessInfo.processInfo.environment["DATABASE_URL"], !env.isEmpty { return try DatabaseURL(env) }
        return .sqlite(path: defaultPath)
    }

    /// Opens the database; with `create` (commands that write), a missing SQLite file is created,
    /// with the embedded default's folder.
    func connect(defaultPath: String, create: Bool) throws -> any DatabaseConnection {
        let url = try resolved(defaultPath: defaultPath)
        if create, case .sqlite(let path) = url, path == defaultPath {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        let db = try url.connect(create: create)
        do {
            try SessionSettings(schema: schema, lockTimeout: lockTimeout, statementTimeout: statementTimeout).apply(to: db)
        } catch {
            db.close()
            throw error
        }
        return db
    }
}
