import Foundation
import Retort
import RetortCLI
import Testing

/// Hostile names, passwords in every form, servers that never answer, locks, leftovers.
@Suite("Security and robustness", .serialized)
struct SecurityTests {
    static let hostile = "(id)); DROP TABLE victim; --"

    @Test("hostile names read from a live database are rendered quoted everywhere", arguments: allDialects)
    func hostileNames(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let q = SQLText.quote, h = Self.hostile
        try db.executeScript("CREATE TABLE victim (id integer PRIMARY KEY)")
        let enumType = dialect == .postgres ? q(h + "e") : "TEXT"
        if dialect == .postgres { try db.executeScript("CREATE TYPE \(q(h + "e")) AS ENUM ('a''); DROP TABLE victim; --')") }
        try db.executeScript("""
            CREATE TABLE \(q(h)) (\(q(h)) integer NOT NULL, x integer, e \(enumType),
              CONSTRAINT \(q(h + "pk")) PRIMARY KEY (\(q(h))), CONSTRAINT \(q(h + "ck")) CHECK (x > 0));
            CREATE INDEX \(q(h + "ix")) ON \(q(h)) (\(q(h)), x);
            """)
        let schema = try dialect.implementation.introspect(db)
        let table = try #require(schema.table(h))
        #expect(table.indexes.first?.keys == [.column(h), .column("x")])
        // Dropping and creating the table again, and rebuilding it, never runs anything else.
        let ops: [MigrationOperation] = [
            .dropTable(table), .createTable(table),
            .alterColumn(table: h, from: table.columns[1], to: Column("x", .bigint, nullable: true)),
            .renameIndex(table: h, from: h + "ix", to: h + "ix2"),
        ]
        for statement in try dialect.implementation.render(ops, from: schema) { try statement.run(on: db) }
        #expect(try userTables(db).contains("victim"))
        #expect(try dialect.implementation.introspect(db).table(h)?.indexes.first?.name == h + "ix2")
    }

    /// Found by the `sqlite-sql` fuzz target: a quote followed by a combining mark is one Swift
    /// Character that is not a quote, so Character-wise escaping left it single and the text ended
    /// there. Each value and name below would run `DROP TABLE victim` if its quote went unescaped.
    @Test("a quote followed by a combining mark is escaped in values and names", arguments: allDialects)
    func combiningMarkAfterQuote(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let value = "a'\u{0301}; DROP TABLE victim; --", name = "n\"\u{0301}; DROP TABLE victim; --"
        #expect(SQLText.literal(value).unicodeScalars.filter { $0 == "'" }.count == 4)
        #expect(SQLText.quote(name).unicodeScalars.filter { $0 == "\"" }.count == 4)
        try db.executeScript("CREATE TABLE victim (id integer PRIMARY KEY)")
        let table = Table(name: name, columns: [Column("v", .text, nullable: true, default: .string(value))])
        for statement in try dialect.implementation.render([.createTable(table)], from: Schema()) { try statement.run(on: db) }
        try db.executeScript("INSERT INTO \(SQLText.quote(name)) (v) VALUES (\(SQLText.literal(value)))")
        #expect(try userTables(db).contains("victim"))
        let rows = try db.query("SELECT v FROM \(SQLText.quote(name))")
        #expect(rows.map { $0[0].string } == [value])
        #expect(try dialect.implementation.introspect(db).table(name)?.column("v")?.defaultValue == .string(value))
    }

    @Test("passwords never appear, in URLs, query parameters or keyword/value strings")
    func redaction() throws {
        #expect(DatabaseURL.redact("postgres://u:s3cret@h/db") == "postgres://u:***@h/db")
        #expect(DatabaseURL.redact("postgres://h/db?user=u&password=s3cret&sslmode=disable") == "postgres://h/db?user=u&password=***&sslmode=disable")
        #expect(DatabaseURL.redact("host=h password=s3cret dbname=d") == "host=h password=*** dbname=d")
        #expect(DatabaseURL.redact("host=h password = 'a b\\' c' dbname=d") == "host=h password = *** dbname=d")
        // Found by the database-url fuzz target: libpq reads a URL's user part up to the first `/`
        // (a `?` in it belongs to the password); text run on after a quoted password; a password
        // written twice; a quote that a combining mark follows.
        #expect(DatabaseURL.redact("postgres://app:s3c?ret@h/db") == "postgres://app:***@h/db")
        #expect(!DatabaseURL.redact("host=h password='s3c'ret dbname=d").contains("ret"))
        #expect(!DatabaseURL.redact("postgres://u:s3cret@h/s3cret").contains("s3cret"))
        #expect(DatabaseURL.redact("host=h password='s3c'\u{301}x dbname=d") == "host=h password=*** dbname=d")
        let server = try PostgresServer.url()
        for form in [
            server.replacingOccurrences(of: "user=postgres", with: "user=nobody_here&password=s3cret"),
            "host=/nonexistent-dir port=1 user=u password=s3cret dbname=d",
        ] {
            let url = try DatabaseURL(form)
            #expect(!url.description.contains("s3cret"))
            let error = try #require(throws: DatabaseError.self) { try url.connect() }
            #expect(!error.message.contains("s3cret"), "\(error.message)")
        }
        #expect(throws: DatabaseURLError.self) { try DatabaseURL("password=s3cret nonsense") }
        do { _ = try DatabaseURL("password=s3cret nonsense") } catch { #expect(!"\(error)".contains("s3cret")) }
    }

    @Test("a server that accepts and never answers fails within the connect timeout, saying so")
    func connectTimeout() throws {
        let (fd, port) = try loopbackSocket()
        defer { close(fd) }
        #expect(listen(fd, 8) == 0)
        let start = Date()
        let error = try #require(throws: DatabaseError.self) {
            try DatabaseURL("postgres://u@127.0.0.1:\(port)/d?connect_timeout=2").connect()
        }
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(error.message.contains("connect_timeout=2"), "\(error.message)")
    }

    @Test("SQLite: a run holds the migration lock throughout; another waits, then gives up naming the lock")
    func sqliteRunLock() throws {
        let test = try TestDatabase.make(.sqlite)
        let holder = try test.connect() as! SQLiteConnection
        defer { holder.close() }
        try holder.lockRun()
        let other = try test.connect() as! SQLiteConnection
        defer { other.close() }
        try other.setBusyTimeout(300)
        let r1 = try revision("r1", [.createTable(Table("t") { Column("id", .integer).primaryKey() })])
        let error = try #require(throws: DatabaseError.self) { try Migrator(graph: try graph([r1]), connection: other).upgrade(to: "head") }
        #expect(error.message.contains("migration lock"))
        holder.unlockRun()
        try Migrator(graph: try graph([r1]), connection: other).upgrade(to: "head")
        #expect(try userTables(other) == ["t"])
    }

    @Test("a deleted applied head: check 12, upgrade and current 5 with one remedy, and --accept-changed changes nothing",
          arguments: allDialects)
    func deletedHead(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-del-\(UUID().uuidString)")
        let tool = MigrateTool(name: "t", schema: Schema(), revisions: RevisionSet(revisions: [], directory: dir.path, packageDirectory: dir.path))
        let url = ["--url", test.url.description]
        try db.executeScript("""
            CREATE TABLE retort_version (revision VARCHAR(255) NOT NULL PRIMARY KEY);
            INSERT INTO retort_version VALUES ('gone');
            CREATE TABLE retort_applied (revision VARCHAR(255) NOT NULL PRIMARY KEY, checksum VARCHAR(64) NOT NULL);
            INSERT INTO retort_applied VALUES ('gone', 'x'), ('old', 'y');
            """)
        #expect(tool.run(["check", "--no-history"] + url) == ExitStatus.editedRevisions)
        #expect(tool.run(["current"] + url) == ExitStatus.integrity)
        #expect(tool.run(["upgrade", "head"] + url) == ExitStatus.integrity)
        #expect(tool.run(["upgrade", "head", "--accept-changed"] + url) == ExitStatus.integrity)
        #expect(try db.query("SELECT count(*) FROM retort_applied").first?.first?.int == 2)
    }

    @Test("read-only commands never create an SQLite file; stale scratch databases are dropped")
    func leftovers() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("retort-missing-\(UUID().uuidString).sqlite").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-ro-\(UUID().uuidString)")
        let tool = MigrateTool(name: "t", schema: Schema(), revisions: RevisionSet(revisions: [], directory: dir.path, packageDirectory: dir.path))
        for command in [["current"], ["history"], ["check"], ["autogen", "-m", "x"]] {
            #expect(tool.run(command + ["--url", "sqlite:///" + path]) == ExitStatus.database)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        guard case .postgres(let server) = try DatabaseURL(try PostgresServer.url()) else { return }
        let admin = try PostgresConnection(url: server)
        defer { admin.close() }
        try admin.execute("CREATE DATABASE retort_scratch_999999_dead")
        _ = try HistorySchema.replay(try graph([]), like: .postgres(server))
        #expect(try admin.query("SELECT count(*) FROM pg_database WHERE datname = 'retort_scratch_999999_dead'").first?.first?.int == 0)
    }

    @Test("a migrate tool built before its revision files changed says it needs rebuilding")
    func staleTool() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "enum r1: Revision {}\n"
        try text.write(to: dir.appendingPathComponent("r1.swift"), atomically: true, encoding: .utf8)
        var set = RevisionSet(revisions: [], directory: dir.path, packageDirectory: dir.path, fileDigests: ["r1.swift": RevisionSet.digest(text)])
        try set.requireUpToDate()
        try "enum r2: Revision {}\n".write(to: dir.appendingPathComponent("r2.swift"), atomically: true, encoding: .utf8)
        let error = try #require(throws: RevisionError.self) { try set.requireUpToDate() }
        #expect(error.description.contains("new: r2.swift") && error.description.contains("rebuild"))
        set.directory = dir.appendingPathComponent("deployed-without-sources").path
        try set.requireUpToDate()
    }
}
