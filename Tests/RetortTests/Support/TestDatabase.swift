import Foundation
import Retort

/// A throwaway database of one dialect, removed when the test is done with it.
final class TestDatabase {
    let url: DatabaseURL
    /// On PostgreSQL with `.schema` isolation, the schema that stands for the database.
    let schema: String?
    private let cleanup: () -> Void

    private init(url: DatabaseURL, schema: String? = nil, cleanup: @escaping () -> Void) {
        self.url = url
        self.schema = schema
        self.cleanup = cleanup
    }

    /// How a PostgreSQL test database is kept apart: a database of its own, or a schema of its own
    /// in the server's first database (its search path, set in the URL, starts and ends there).
    /// A schema costs a catalog row where a database copies a template (about 0.2 s of the
    /// server's time each); tests that create hundreds (the corpus) use schemas.
    enum Isolation { case database, schema }

    deinit { cleanup() }

    /// A fresh, empty database of the dialect.
    static func make(_ dialect: DialectName, isolation: Isolation = .database) throws -> TestDatabase {
        switch dialect {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("retort-test-\(UUID().uuidString).sqlite").path
            return TestDatabase(url: .sqlite(path: path)) {
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        case .postgres:
            let server = try PostgresServer.url()
            let name = "retort_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
            let admin = try DatabaseURL(server).connect()
            defer { admin.close() }
            if isolation == .schema {
                try admin.execute("CREATE SCHEMA \(SQLText.quote(name))")
                guard case .postgres(let pg) = try DatabaseURL(server), pg.uri.contains("://") else {
                    throw DatabaseError("RETORT_TEST_POSTGRES_URL must be a postgresql:// URI")
                }
                let separator = pg.uri.contains("?") ? "&" : "?"
                let url = try DatabaseURL(pg.uri + separator + "options=-csearch_path%3D\(name)")
                return TestDatabase(url: url, schema: name) {
                    if let admin = try? DatabaseURL(server).connect() {
                        try? admin.execute("DROP SCHEMA IF EXISTS \(SQLText.quote(name)) CASCADE")
                        admin.close()
                    }
                }
            }
            try admin.execute("CREATE DATABASE \(SQLText.quote(name))")
            guard case .postgres(let pg) = try DatabaseURL(server) else { fatalError("not a postgres URL") }
            return TestDatabase(url: .postgres(pg.replacingDatabase(with: name))) {
                if let admin = try? DatabaseURL(server).connect() {
                    try? admin.execute("DROP DATABASE IF EXISTS \(SQLText.quote(name)) WITH (FORCE)")
                    admin.close()
                }
            }
        }
    }

    func connect() throws -> any DatabaseConnection { try url.connect(create: true) }

    /// A query's rows, every value as text ("NULL" for NULL).
    func values(_ sql: String) throws -> [[String]] {
        let c = try connect()
        defer { c.close() }
        return try c.query(sql).map { $0.map { $0.string ?? "NULL" } }
    }
}

/// The PostgreSQL server the tests use: `RETORT_TEST_POSTGRES_URL`, set by `scripts/test`.
enum PostgresServer {
    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["RETORT_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw DatabaseError("RETORT_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts PostgreSQL")
        }
        return url
    }
}

/// The dialects every dialect-parameterized test runs on.
let allDialects: [DialectName] = [.sqlite, .postgres]

/// The user tables of a database.
func userTables(_ db: any DatabaseConnection) throws -> [String] {
    try db.dialect.implementation.introspect(db).tables.map(\.name).sorted()
}

/// A one-revision graph holding these operations.
func graph(_ revisions: [RevisionInfo]) throws -> RevisionGraph { try RevisionGraph(revisions) }

/// A revision value for tests.
func revision(_ id: String, parents: [String] = [], _ upgrade: [MigrationOperation], downgrade: [MigrationOperation]? = nil) throws -> RevisionInfo {
    RevisionInfo(
        id: id, parents: parents, message: id, createdAt: "2026-01-01T00:00:00Z", upgrade: upgrade,
        downgrade: try downgrade ?? upgrade.inverse())
}
