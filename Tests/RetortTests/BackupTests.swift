import Foundation
@testable import Retort
import Testing

/// Backups before risky work: SQLite's online backup API, pg_dump's custom format for PostgreSQL.
@Suite("Backup: a copy of the database before upgrade or downgrade")
struct BackupTests {
    static func path(_ ext: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("retort-backup-\(UUID().uuidString).\(ext)").path
    }

    /// The file's permission bits.
    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("SQLite: the backup is a database with the same rows; an existing file is never overwritten")
    func sqlite() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b'), ('c')")
        let path = Self.path("sqlite")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let umask0 = umask(0o022)
        defer { umask(umask0) }
        #expect(try Backup.write(db, url: test.url, to: path) > 0)
        #expect(try Self.mode(path) == 0o600, "a backup holds every row: its owner's only")
        let copy = try SQLiteConnection(path: path)
        defer { copy.close() }
        #expect(try copy.query("SELECT group_concat(name, ',') FROM t").first?.first?.string == "a,b,c")
        let again = #expect(throws: DatabaseError.self) { try Backup.write(db, url: test.url, to: path) }
        #expect(again?.message.contains("exists already") == true)
    }

    @Test("PostgreSQL: pg_dump writes a custom-format archive; the password never reaches the command line")
    func postgres() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("CREATE TABLE t (id integer PRIMARY KEY, name text); INSERT INTO t VALUES (1, 'a')")
        let path = Self.path("dump")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let umask0 = umask(0o022)
        defer { umask(umask0) }
        #expect(try Backup.write(db, url: test.url, to: path) > 0)
        #expect(try Self.mode(path) == 0o600, "a backup holds every row: its owner's only")
        let magic = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)).readData(ofLength: 5)
        #expect(String(decoding: magic, as: UTF8.self) == "PGDMP")
        let restore = (Backup.pgDumpExecutable() ?? "pg_dump").replacingOccurrences(of: "pg_dump", with: "pg_restore")
        let listing = try runProcess(restore, ["--list", path])
        #expect(listing.status == 0 && listing.stdout.contains("TABLE public t"), "\(listing.stderr)")

        guard case .postgres(let server) = try DatabaseURL("postgres://retort:s3cret@127.0.0.1:5432/app?sslmode=disable") else {
            Issue.record("not a PostgreSQL URL")
            return
        }
        let (arguments, environment) = Backup.pgDumpInvocation(server, to: "/tmp/x.dump")
        #expect(!arguments.joined(separator: " ").contains("s3cret"))
        #expect(arguments.contains { $0.hasPrefix("--dbname=") && $0.contains("user='retort'") && $0.contains("dbname='app'") })
        #expect(environment["PGPASSWORD"] == "s3cret")
    }
}
