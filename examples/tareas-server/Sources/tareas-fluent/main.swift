// Runs the TareasFluent migrations through Fluent's own migrator, as a Vapor app's
// `migrate` command would, without Vapor:
//     tareas-fluent prepare|revert DATABASE_URL
// DATABASE_URL is sqlite:///path/to/file.db or postgresql://user@host:port/db (a `host=/dir`
// query parameter names a Unix-socket directory, as libpq reads it).
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOPosix
import TareasFluent

struct UsageError: Error, CustomStringConvertible {
    let description: String
}

/// Fluent's configuration for a database URL.
func configuration(_ text: String) throws -> (DatabaseConfigurationFactory, DatabaseID) {
    guard let url = URLComponents(string: text), let scheme = url.scheme else { throw UsageError(description: "malformed URL '\(text)'") }
    let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { _, last in last }
    switch scheme {
    case "sqlite":
        // As Retort reads it: sqlite:///relative.db, sqlite:////absolute/path.db.
        let path = text.dropFirst("sqlite://".count).dropFirst()
        guard text.hasPrefix("sqlite:///"), !path.isEmpty else { throw UsageError(description: "malformed sqlite URL '\(text)'") }
        return (.sqlite(.file(String(path))), .sqlite)
    case "postgres", "postgresql":
        let user = url.user ?? query["user"] ?? "postgres"
        let database = url.path.count > 1 ? String(url.path.dropFirst()) : query["dbname"]
        let port = url.port ?? query["port"].flatMap(Int.init) ?? 5432
        let host = url.host.flatMap { $0.isEmpty ? nil : $0 } ?? query["host"] ?? "localhost"
        let config: SQLPostgresConfiguration
        if host.hasPrefix("/") {
            config = SQLPostgresConfiguration(
                unixDomainSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: url.password ?? query["password"], database: database)
        } else {
            config = SQLPostgresConfiguration(
                hostname: host, port: port, username: user, password: url.password ?? query["password"], database: database, tls: .disable)
        }
        return (.postgres(configuration: config), .psql)
    default:
        throw UsageError(description: "unsupported URL scheme '\(scheme)' (sqlite or postgresql)")
    }
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let action = arguments.first, ["prepare", "revert"].contains(action) else {
    FileHandle.standardError.write(Data("usage: tareas-fluent prepare|revert DATABASE_URL\n".utf8))
    exit(2)
}
var logger = Logger(label: "tareas-fluent")
logger.logLevel = .notice
let threadPool = NIOThreadPool(numberOfThreads: 1)
threadPool.start()
let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
let databases = Databases(threadPool: threadPool, on: group)
var failed = false
do {
    let (config, id) = try configuration(arguments.last!)
    databases.use(config, as: id, isDefault: true)
    let migrations = Migrations()
    migrations.add(retortFluentMigrations)
    let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: group.any())
    try await migrator.setupIfNeeded().get()
    if action == "prepare" {
        try await migrator.prepareBatch().get()
    } else {
        try await migrator.revertAllBatches().get()
    }
} catch {
    FileHandle.standardError.write(Data("error: \(String(reflecting: error))\n".utf8))
    failed = true
}
await databases.shutdownAsync()
try await threadPool.shutdownGracefully()
try await group.shutdownGracefully()
exit(failed ? 1 : 0)
