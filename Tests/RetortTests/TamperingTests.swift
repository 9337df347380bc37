import Foundation
import Testing

@testable import Retort
@testable import RetortCLI

/// What an attacker or an unlucky operator tries: odd URLs and files, hostile text reaching
/// generated Swift, and Retort's own bookkeeping changed by hand.
@Suite("Tampering: odd URLs, files that are not databases, hostile text, hand-edited bookkeeping", .serialized)
struct TamperingTests {
    @Test("schemes are case-insensitive: Postgres:// and SQLITE:/// are URLs, not keyword/value strings")
    func schemeCase() throws {
        guard case .postgres(let url) = try DatabaseURL("Postgres://ana@db.example:5433/app") else {
            Issue.record("not a PostgreSQL URL")
            return
        }
        #expect(url.parameter("dbname") == "app" && url.parameter("port") == "5433" && url.parameter("user") == "ana")
        #expect(try DatabaseURL("POSTGRESQL://h/d").dialect == .postgres)
        #expect(try DatabaseURL("SQLite:///x.db") == .sqlite(path: "x.db"))
    }

    @Test("a password that is not valid percent-encoding never appears in the error", arguments: [
        "postgres://ana:S3cr3tPW%@localhost/app", "postgres://ana:S3cr3t%zzPW@localhost/app",
        "postgres://localhost/app?password=S3cr3tPW%",
    ])
    func badPercentEncoding(text: String) throws {
        let error = try #require(throws: DatabaseURLError.self) { try DatabaseURL(text) }
        #expect(!error.description.contains("S3cr3t"), "\(error)")
        #expect(error.description.contains("percent"), "\(error)")
    }

    @Test("devices, folders and files that are not SQLite databases are refused, naming the file")
    func notDatabases() throws {
        let text = FileManager.default.temporaryDirectory.appendingPathComponent("retort-notdb-\(UUID().uuidString).txt").path
        try String(repeating: "not a database at all\n", count: 200).write(toFile: text, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: text) }
        let folder = FileManager.default.temporaryDirectory.path
        for path in ["/dev/null", "/dev/zero", "/dev/urandom", folder, text] {
            let error = try #require(throws: DatabaseError.self) { try SQLiteConnection(path: path, create: true) }
            #expect(error.message.contains("'\(path)' is not an SQLite database"), "\(error)")
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-cli-\(UUID().uuidString)")
            let tool = MigrateTool(name: "t", schema: Fixtures.tareas, revisions: RevisionSet(revisions: [], directory: dir.path, packageDirectory: dir.path))
            for command in [["check", "--no-history"], ["upgrade", "head"], ["current"]] {
                #expect(tool.run(command + ["--url", "sqlite:///" + path]) == ExitStatus.database, "\(command) on \(path)")
            }
        }
        // Still a database: an empty regular file and a new one.
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("retort-empty-\(UUID().uuidString).sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: empty) }
        try SQLiteConnection(path: empty, create: false).close()
    }

    @Test("text that reaches generated Swift is escaped: a path with a newline, DEL and C1 controls in names")
    func generatedSwift() throws {
        let source = "sqlite:///tmp/x\nfatalError(\"injected\")\n// .db"
        let schema = Schema { Table("t\u{7F}x") { Column("a\u{7F}\u{85}b", .integer).primaryKey(); Column("c\u{2028}d", .text) } }
        let text = Reflector(dialect: .sqlite).file(schema, source: source)
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("fatalError") }, "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x7F || $0.value == 0x85 || $0.value == 0x2028 })
        #expect(text.contains(#"Column("a\u{7f}\u{85}b""#))
        #expect(SwiftLiteral.comment("a\nb\u{7F}") == #"a\nb\u{7f}"#)
    }

    /// A migrate tool with one revision (`SplitBase`: table `a`), at head on a fresh database.
    func toolAtHead(_ dialect: DialectName) throws -> (MigrateTool, TestDatabase, [String]) {
        let test = try TestDatabase.make(dialect)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-tamper-\(UUID().uuidString)")
        let models = Schema { Table("a") { Column("id", .integer).primaryKey() } }
        let tool = MigrateTool(name: "t", schema: models, revisions: RevisionSet(revisions: [SplitBase.self], directory: dir.path, packageDirectory: dir.path))
        let url = ["--url", test.url.description]
        #expect(tool.run(["upgrade", "head"] + url) == ExitStatus.ok)
        #expect(tool.run(["check", "--no-history"] + url) == ExitStatus.ok)
        return (tool, test, url)
    }

    @Test("a version table with a NULL or a repeated row is refused everywhere; stamp repairs it", arguments: allDialects)
    func versionTableTampered(dialect: DialectName) throws {
        for tamper in ["NULL", "'rsplit_01'"] {
            let (tool, test, url) = try toolAtHead(dialect)
            let db = try test.connect()
            defer { db.close() }
            if dialect == .postgres {
                try db.executeScript("ALTER TABLE retort_version DROP CONSTRAINT retort_version_pkey, ALTER COLUMN revision DROP NOT NULL")
            } else {
                try db.executeScript("DROP TABLE retort_version; CREATE TABLE retort_version (revision VARCHAR(255)); INSERT INTO retort_version VALUES ('rsplit_01')")
            }
            try db.execute("INSERT INTO retort_version VALUES (\(tamper))")
            for command in [["check", "--no-history"], ["upgrade", "head"], ["current"], ["downgrade", "base"]] {
                #expect(tool.run(command + url) == ExitStatus.integrity, "\(command) after inserting \(tamper)")
            }
            #expect(try userTables(db).contains("a"), "nothing ran")
            #expect(tool.run(["stamp", "head"] + url) == ExitStatus.ok)
            #expect(try db.query("SELECT revision FROM retort_version").map { $0.first?.string } == ["rsplit_01"])
            #expect(tool.run(["check", "--no-history"] + url) == ExitStatus.ok)
        }
    }

    @Test("dropped or emptied checksums are refused, never re-created empty; stamp records them again", arguments: allDialects)
    func checksumsTampered(dialect: DialectName) throws {
        for tamper in ["DROP TABLE retort_applied", "DELETE FROM retort_applied"] {
            let (tool, test, url) = try toolAtHead(dialect)
            let db = try test.connect()
            defer { db.close() }
            try db.execute(tamper)
            #expect(tool.run(["check", "--no-history"] + url) == ExitStatus.integrity, "\(tamper)")
            #expect(tool.run(["upgrade", "head"] + url) == ExitStatus.integrity, "\(tamper)")
            #expect(tool.run(["check", "--no-history"] + url) == ExitStatus.integrity, "\(tamper): still refused, nothing re-created")
            #expect(tool.run(["stamp", "head"] + url) == ExitStatus.ok)
            #expect(try db.query("SELECT revision FROM retort_applied").map { $0.first?.string } == ["rsplit_01"])
            #expect(tool.run(["check", "--no-history"] + url) == ExitStatus.ok)
        }
    }

    @Test("a mistyped command names the nearest one; branches says when there are none")
    func commandNames() throws {
        #expect(CommandRunner.unknownCommand(MigrateCommand.self, ["upgarde", "head"]) == "unknown command 'upgarde'; did you mean 'upgrade'?")
        #expect(CommandRunner.unknownCommand(MigrateCommand.self, ["chekc"]) == "unknown command 'chekc'; did you mean 'check'?")
        #expect(CommandRunner.unknownCommand(MigrateCommand.self, ["frobnicate"])?.hasPrefix("unknown command 'frobnicate'; the commands are autogen") == true)
        #expect(CommandRunner.unknownCommand(MigrateCommand.self, ["upgrade", "head"]) == nil)
        #expect(CommandRunner.unknownCommand(MigrateCommand.self, ["--help"]) == nil)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-cli-\(UUID().uuidString)")
        let tool = MigrateTool(name: "t", schema: Fixtures.tareas, revisions: RevisionSet(revisions: [], directory: dir.path, packageDirectory: dir.path))
        #expect(tool.run(["upgarde", "head"]) == ExitStatus.badInput)
    }
}
