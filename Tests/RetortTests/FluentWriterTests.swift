import Foundation
import Testing

@testable import Retort
@testable import RetortCLI

/// `autogen --emit fluent` without building Fluent: what goes to Fluent's builder and what to
/// per-dialect SQL, bad input, and the list file (FluentEmitTests runs the result through Fluent).
@Suite("Fluent migrations: builder or SQL, bad input, the list")
struct FluentWriterTests {
    func steps(_ ops: [MigrationOperation], from schema: Schema = Schema()) throws -> [FluentStep] {
        var steps = FluentSteps(from: schema)
        return try steps.steps(ops)
    }

    @Test("the example's support file is the one Retort writes")
    func exampleSupportFile() throws {
        let file = repositoryRoot.appendingPathComponent("examples/tareas-server/Sources/TareasFluent/\(FluentSupport.fileName)")
        #expect(try String(contentsOf: file, encoding: .utf8) == FluentSupport.text)
    }

    @Test("a table the builder can write goes to the builder; what it has no words for follows as each dialect's SQL")
    func builderOrSQL() throws {
        let parent = Table("p") { Column("id", .integer).primaryKey() }
        let plain = try steps([.createTable(parent)])
        #expect(plain.count == 1)
        guard case .builder(let code)? = plain.first else { Issue.record("\(plain)"); return }
        #expect(code.contains(#".field("id", .int32, .required)"#) && code.contains(#".retortPrimaryKey("id", name: nil)"#))

        // A deferrable foreign key and an index: the builder makes the table, each dialect adds them.
        let child = Table("c") {
            Column("id", .bigint).primaryKey(autoincrement: true)
            Column("p_id", .integer)
            ForeignKey("p_id", references: "p", "id", name: "fk_c_p", deferrable: .initiallyDeferred)
            Index("p_id", name: "ix_c_p")
        }
        let deferred = try steps([.createTable(child)], from: Schema(tables: [parent]))
        #expect(deferred.count == 2)
        guard case .sql(let sqlite, let postgres)? = deferred.last else { Issue.record("\(deferred)"); return }
        #expect(sqlite.contains { $0.sql.hasPrefix("CREATE TABLE \"_retort_new_c\"") && $0.sql.contains("DEFERRABLE INITIALLY DEFERRED") })
        #expect(postgres.map(\.sql) == [
            "ALTER TABLE \"c\" ADD CONSTRAINT \"fk_c_p\" FOREIGN KEY (\"p_id\") REFERENCES \"p\" (\"id\") DEFERRABLE INITIALLY DEFERRED",
            "CREATE INDEX \"ix_c_p\" ON \"c\" (\"p_id\")",
        ])

        // A native type: the whole table is each dialect's SQL.
        let native = Table("n") { Column("tags", .text, nativeTypes: [.postgres: "text[]"]) }
        let nativeSteps = try steps([.createTable(native)])
        guard case .sql(_, let pg)? = nativeSteps.first, nativeSteps.count == 1 else { Issue.record("\(nativeSteps)"); return }
        #expect(pg.first?.sql.contains("text[]") == true)

        // A NOT NULL column without a default needs a SQLite rebuild: SQL; a nullable one: the builder.
        let strict = try steps([.addColumn(table: "p", column: Column("x", .text))], from: Schema(tables: [parent]))
        #expect({ if case .sql = strict.first { true } else { false } }())
        let loose = try steps([.addColumn(table: "p", column: Column("x", .text, nullable: true))], from: Schema(tables: [parent]))
        #expect(loose == [.builder("try await db.schema(\"p\")\n    .field(\"x\", .string)\n    .update()")])
    }

    @Test("partitions, row-level security, policies and exclusion constraints are each dialect's SQL, whole")
    func objectKinds() throws {
        let secured = Table("s") {
            Column("id", .integer).primaryKey()
            Column("day", .date)
            RowLevelSecurity.forced
            Policy("mine", using: "id > 0")
            ExclusionConstraint("s_apart", [.init("id", "=")])
            Partitioning(.range, on: ["day"], partitions: [Partition("s_2026", .range(from: ["'2026-01-01'"], to: ["'2027-01-01'"]))])
        }
        let found = try steps([.createTable(secured), .createObject(.extension(Extension("btree_gist")))])
        #expect(found.allSatisfy { if case .sql = $0 { true } else { false } }, "\(found)")
        let postgres = found.flatMap { step -> [String] in if case .sql(_, let pg) = step { pg.map(\.sql) } else { [] } }
        let sqlite = found.flatMap { step -> [String] in if case .sql(let lite, _) = step { lite.map(\.sql) } else { [] } }
        for fragment in ["PARTITION BY RANGE (\"day\")", "PARTITION OF \"s\"", "FORCE ROW LEVEL SECURITY", "CREATE POLICY \"mine\"",
                         "EXCLUDE USING \"gist\"", "CREATE EXTENSION IF NOT EXISTS \"btree_gist\""] {
            #expect(postgres.contains { $0.contains(fragment) }, "\(fragment) in \(postgres)")
        }
        #expect(sqlite.count == 1 && sqlite[0].hasPrefix("CREATE TABLE \"s\"") && !sqlite[0].contains("PARTITION"), "\(sqlite)")
    }
}

/// The command, in-process (with the command-line suite, which runs one test at a time).
extension CommandLineTests {
    @Test("--emit fluent: bad input is a one-line error; the history is not needed; the list grows; a foreign list is refused")
    func command() throws {
        let db = try TestDatabase.make(.sqlite)
        try db.connect().close()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("retort-fluent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let cli = self
        let url = ["--url", db.url.description]
        #expect(cli.run(Fixtures.tareas, ["autogen", "--emit", "fluent", "-m", "x"] + url) == ExitStatus.badInput)
        #expect(cli.run(Fixtures.tareas, ["autogen", "-m", "x", "--output", out.path] + url) == ExitStatus.badInput)
        #expect(cli.run(Fixtures.tareas, ["autogen", "--emit", "fluent", "--safe", "-m", "x", "--output", out.path] + url) == ExitStatus.badInput)
        #expect(!FileManager.default.fileExists(atPath: out.path))

        // The database is not at Retort's head (Retort revisions exist, none applied): Fluent keeps the history.
        let emit = ["autogen", "--emit", "fluent", "-m", "x", "--output", out.path] + url
        #expect(cli.run(Fixtures.tareas, emit, revisions: [SplitBase.self]) == ExitStatus.ok)
        let list = out.appendingPathComponent("RetortFluentMigrations.swift")
        let first = try FluentMigrationWriter.listedTypes(in: String(contentsOf: list, encoding: .utf8))
        #expect(!first.isEmpty && FileManager.default.fileExists(atPath: out.appendingPathComponent("RetortFluentSupport.swift").path))
        #expect(cli.run(Fixtures.tareas, emit) == ExitStatus.ok)
        let second = try FluentMigrationWriter.listedTypes(in: String(contentsOf: list, encoding: .utf8))
        #expect(second.count == 2 * first.count && Array(second.prefix(first.count)) == first)

        // A list Retort did not write is refused, and nothing is written.
        try "public let migrations = [Foo()]\n".write(to: list, atomically: true, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(cli.run(Fixtures.tareas, emit) == ExitStatus.badInput)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
    }
}
