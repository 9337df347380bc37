import Foundation
import Logging

/// The database could not be brought to head at application start.
public struct StartupMigrationError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Migrates at application start: call it before a server starts serving.
///
/// Several instances may start at once: the migration lock (a PostgreSQL advisory lock, SQLite's
/// write lock) makes them queue, so each revision runs exactly once and every instance returns
/// only when the database is at head. Any failure throws; nothing fails silently.
///
/// ```swift
/// try await StartupMigrator(url: env.databaseURL, revisions: retortRevisions.revisions, logger: logger).run()
/// ```
public struct StartupMigrator: Sendable {
    /// The database URL (any form `DatabaseURL` reads).
    public var url: String
    /// The application's revisions.
    public var revisions: [any Revision.Type]
    /// Schema and timeouts for the migration session.
    public var settings: SessionSettings
    /// Where progress and failures are logged.
    public var logger: Logger
    /// Tables Retort does not own: a revision that would change one fails instead of running.
    public var excludeTables: [String]
    /// Other objects Retort does not own, as `kind:pattern` (`view:report_*`).
    public var excludeObjects: [String]

    /// A start-up migration of the database at `url` to the head of `revisions`.
    public init(
        url: String, revisions: [any Revision.Type], settings: SessionSettings = .init(), excludeTables: [String] = [],
        excludeObjects: [String] = [], logger: Logger = Logger(label: "retort")
    ) {
        self.excludeObjects = excludeObjects
        self.url = url
        self.revisions = revisions
        self.settings = settings
        self.excludeTables = excludeTables
        self.logger = logger
    }

    /// Upgrades to head under the lock; returns the ids of the revisions this process applied.
    @discardableResult
    public func run() async throws -> [String] {
        // On a thread of its own: the database calls and the lock wait block (see `BlockingThread`).
        try await BlockingThread.run { [self] in try self.runBlocking() }
    }

    private func runBlocking() throws -> [String] {
        let logger = self.logger
        do {
            let graph = try RevisionGraph(revisions.map(RevisionInfo.init))
            let parsed = try DatabaseURL(url)
            let db = try parsed.connect(create: true)
            defer { db.close() }
            try settings.apply(to: db)
            logger.info("migrating \(parsed) to head", metadata: ["heads": .string(graph.heads.joined(separator: ","))])
            let migrator = Migrator(graph: graph, connection: db, exclusions: TableFilter(excludeTables + excludeObjects)) { line in
                logger.info("\(line)")
            }
            let applied = try migrator.upgrade(to: "head").map(\.revision.id)
            let heads = try migrator.heads()
            guard Set(heads) == Set(graph.heads) else {
                throw StartupMigrationError(description: "the database is at \(heads.joined(separator: ", ")), not at head \(graph.heads.joined(separator: ", "))")
            }
            logger.info("database at head", metadata: ["applied": .stringConvertible(applied.count)])
            return applied
        } catch let error as StartupMigrationError {
            logger.error("\(error.description)")
            throw error
        } catch {
            let wrapped = StartupMigrationError(description: "cannot bring the database to head: \(error)")
            logger.error("\(wrapped.description)")
            throw wrapped
        }
    }
}
