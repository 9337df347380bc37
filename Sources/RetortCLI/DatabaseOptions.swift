import ArgumentParser
import Foundation
import Retort

/// `--url`, shared by every command that reads or changes a database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Database URL: sqlite:///relative.db, sqlite:////absolute.db or postgres://user@host/db. Default: DATABASE_URL, else the project's embedded SQLite file.")
    var url: String?

    /// The URL to use: `--url`, then `DATABASE_URL`, then the embedded default.
    func resolved(defaultPath: String) throws -> DatabaseURL {
        if let url { return try DatabaseURL(url) }
        if let env = ProcessInfo.processInfo.environment["DATABASE_URL"], !env.isEmpty { return try DatabaseURL(env) }
        return .sqlite(path: defaultPath)
    }

    /// Opens the database, creating the embedded default's folder when needed.
    func connect(defaultPath: String) throws -> any DatabaseConnection {
        let url = try resolved(defaultPath: defaultPath)
        if case .sqlite(let path) = url, path == defaultPath {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        return try url.connect()
    }
}
