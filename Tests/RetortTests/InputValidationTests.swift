import Foundation
import Testing

@testable import Retort
@testable import RetortCLI

@Suite("Bad input is refused before any database is touched")
struct InputValidationTests {
    @Test("database URLs", arguments: [
        ("sqlite:///dev.db", "dev.db"), ("sqlite:////tmp/x.db", "/tmp/x.db"), ("sqlite://:memory:", ":memory:"),
    ])
    func sqliteURLs(text: String, path: String) throws {
        #expect(try DatabaseURL(text) == .sqlite(path: path))
    }

    @Test("malformed URLs are one-line errors", arguments: ["dev.db", "mysql://x/y", "sqlite://", "sqlite:///", "postgres://h:99999/d"])
    func malformedURLs(text: String) {
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(text) }
    }

    @Test("passwords are redacted")
    func redaction() throws {
        let url = try DatabaseURL("postgresql://ana:pa55@db.example:5432/app?sslmode=require")
        #expect(url.description == "postgresql://ana:***@db.example:5432/app?sslmode=require")
        #expect(url.dialect == .postgres)
    }

    @Test("invalid models name the problem", arguments: [
        (Schema { Table("t") { Column("a", .integer); Column("a", .text) } }, "column 'a' is declared twice in table 't'"),
        (Schema { Table("t") { Column("a", .integer).references("nope", "id") } }, "foreign key on 't' references missing table 'nope'"),
        (Schema { Table("t") { Column("a", .integer); Index("b") } }, "index on table 't' uses missing column 'b'"),
        (Schema { Table("p") { Column("id", .integer).primaryKey() }; Table("t") { Column("a", .integer).references("p", "x") } },
         "foreign key on 't' references missing column 'p.x'"),
        (Schema { Table("t") { Column("a", .text).primaryKey(autoincrement: true) } },
         "column 't.a' is autoincrement; only a single-column integer primary key can be"),
    ])
    func invalidModels(schema: Schema, message: String) {
        #expect(throws: ModelError(message)) { try schema.validate() }
    }

    @Test("revision graph errors", arguments: [
        ([("r1", []), ("r1", [])], "two revisions have the id 'r1'"),
        ([("r1", ["r0"])], "revision 'r1' has missing parent 'r0'"),
        ([("r1", ["r2"]), ("r2", ["r1"])], "the revisions form a cycle: r1, r2"),
        ([("1abc", [])], "revision id '1abc' is not a valid identifier (letters, digits and _; not starting with a digit)"),
    ] as [([(String, [String])], String)])
    func graphErrors(list: [(String, [String])], message: String) {
        let revisions = list.map { RevisionInfo(id: $0.0, parents: $0.1, message: "", createdAt: "", upgrade: [], downgrade: []) }
        #expect(throws: RevisionError.self) { try RevisionGraph(revisions) }
        #expect((try? RevisionGraph(revisions)) == nil)
        do { _ = try RevisionGraph(revisions) } catch { #expect("\(error)" == message) }
    }

    @Test("targets: unknown, ambiguous prefix, relative steps")
    func targets() throws {
        let g = try RevisionGraph(
            ["ra1", "ra2", "rb1"].enumerated().map { i, id in
                RevisionInfo(id: id, parents: i == 0 ? [] : [["ra1", "ra2", "rb1"][i - 1]], message: "", createdAt: "", upgrade: [], downgrade: [])
            })
        #expect(try g.resolve("rb") == "rb1")
        #expect(throws: RevisionError("revision prefix 'ra' is ambiguous: ra1, ra2")) { try g.resolve("ra") }
        #expect(throws: RevisionError("unknown revision 'zz'")) { try g.resolve("zz") }
        let path = MigrationPath(graph: g)
        #expect(path.upgradePlan(to: try path.upgradeTargets("+2", heads: []), heads: []).map(\.revision.id) == ["ra1", "ra2"])
        #expect(throws: RevisionError.self) { try path.upgradeTargets("+4", heads: []) }
        #expect(try path.downgradePlan("-2", heads: ["rb1"]).map(\.revision.id) == ["rb1", "ra2"])
        #expect(try path.downgradePlan("ra1", heads: ["rb1"]).map(\.revision.id) == ["rb1", "ra2"])
        #expect(try path.upgradeTargets("ra1+1", heads: []) == ["ra2"])
    }

    @Test("the built-in template is the file in templates/")
    func templateMatchesFile() throws {
        let file = try String(contentsOf: repositoryRoot.appendingPathComponent("templates/revision.swift.mustache"), encoding: .utf8)
        #expect(file == DefaultTemplate.revision)
    }
}

@Suite("The command line reports bad input with stable exit codes", .serialized)
struct CommandLineTests {
    func run(_ schema: Schema, _ arguments: [String], revisions: [any Revision.Type] = []) -> Int32 {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        return MigrateTool(
            name: "t", schema: schema, revisions: RevisionSet(revisions: revisions, directory: dir.path, packageDirectory: dir.path)
        ).run(arguments)
    }

    @Test("invalid model, malformed URL, unknown revision, ambiguous flags")
    func exitCodes() throws {
        let db = try TestDatabase.make(.sqlite)
        let invalid = Schema { Table("t") { Column("a", .integer).references("missing", "id") } }
        #expect(run(invalid, ["check", "--url", db.url.description]) == ExitStatus.badInput)
        #expect(run(invalid, ["autogen", "-m", "x", "--url", db.url.description]) == ExitStatus.badInput)
        #expect(run(Fixtures.tareas, ["current", "--url", "nope"]) == ExitStatus.badInput)
        #expect(run(Fixtures.tareas, ["upgrade", "nope", "--url", db.url.description]) == ExitStatus.badInput)
        #expect(run(Fixtures.tareas, ["show", "nope"]) == ExitStatus.badInput)
        #expect(run(Fixtures.tareas, ["frobnicate"]) == ExitStatus.badInput)
        #expect(run(Fixtures.tareas, ["check", "--url", db.url.description]) == ExitStatus.modelsAheadOfHistory)
        #expect(run(Fixtures.tareas, ["current", "--url", db.url.description]) == ExitStatus.ok)
        // autogen refuses a database that is not at head.
        let revisions: [any Revision.Type] = [SplitBase.self]
        #expect(run(Fixtures.tareas, ["autogen", "-m", "x", "--url", db.url.description], revisions: revisions) == ExitStatus.badInput)
        #expect(run(Fixtures.tareas, ["upgrade", "head", "--url", db.url.description], revisions: revisions) == ExitStatus.ok)
        #expect(run(Fixtures.tareas, ["stamp", "nope", "--url", db.url.description], revisions: revisions) == ExitStatus.badInput)
    }
}
