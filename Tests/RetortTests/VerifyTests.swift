import Foundation
import Retort
import Testing

/// `verify` on revision histories: a sound history passes with its rows kept; a downgrade that
/// does not undo its upgrade, or loses rows, is named.
@Suite("Verify: every revision's downgrade undoes its upgrade and keeps the rows")
struct VerifyTests {
    static let create = MigrationOperation.createTable(
        Table(name: "t", columns: [Column("id", .integer), Column("name", .text, nullable: true)], primaryKey: PrimaryKey(["id"], name: "pk_t")))
    static let addColumn = MigrationOperation.addColumn(table: "t", column: Column("qty", .integer, default: 0))

    static func history(_ second: RevisionInfo) throws -> RevisionGraph {
        try RevisionGraph([
            RevisionInfo(id: "r1", parents: [], message: "create t", createdAt: "2026-01-01T00:00:00Z", upgrade: [create]), second,
        ])
    }

    @Test("a sound history passes, with generated rows kept", arguments: allDialects)
    func sound(dialect: DialectName) throws {
        let graph = try Self.history(
            RevisionInfo(id: "r2", parents: ["r1"], message: "add qty", createdAt: "2026-01-02T00:00:00Z", upgrade: [Self.addColumn]))
        var lines: [String] = []
        let head = try HistorySchema.withScratchDatabase(like: try Self.url(dialect), purpose: "test") { db in
            try Verifier(graph: graph) { lines.append($0) }.verify(on: db)
        }
        #expect(head.table("t")?.column("qty") != nil)
        #expect(lines == ["ok r1: upgrade, downgrade, upgrade (0 row(s) kept in 0 table(s))",
                          "ok r2: upgrade, downgrade, upgrade (3 row(s) kept in 1 table(s))"])
    }

    @Test("a history with every object kind passes: extension, function, trigger, RLS and policy, exclusion constraint, partitions", arguments: allDialects)
    func objectKinds(dialect: DialectName) throws {
        let models = Schema {
            Extension("btree_gist")
            Function("touch", returns: "trigger", language: "plpgsql", body: "BEGIN NEW.body := coalesce(NEW.body, ''); RETURN NEW; END")
            Table("doc") {
                Column("id", .integer).primaryKey()
                Column("tenant", .integer)
                Column("body", .text, nullable: true)
                Trigger("doc_touch", .before, [.update], function: "touch", body: "SELECT 1;")
                RowLevelSecurity.forced
                Policy("doc_all", using: "tenant >= 0")
                ExclusionConstraint("doc_one_per_tenant", [.init("tenant", "="), .init("id", "=")])
            }
            Table("event") {
                Column("id", .bigint)
                Column("at", .date)
                PrimaryKey("at", "id")
                Partitioning(.range, on: ["at"], partitions: [
                    Partition("event_old", .range(from: ["MINVALUE"], to: ["'2000-01-01'"])), Partition("event_rest", .default),
                ])
            }
        }
        let revision = try HistorySchema.withScratchDatabase(like: try Self.url(dialect), purpose: "test") { db in
            try #require(try Autogenerator(models: models, graph: try RevisionGraph([])).revisions(message: "kinds", db: db, single: true).first)
        }
        var lines: [String] = []
        try HistorySchema.withScratchDatabase(like: try Self.url(dialect), purpose: "test") { db in
            _ = try Verifier(graph: try RevisionGraph([revision])) { lines.append($0) }.verify(on: db)
        }
        #expect(lines.count == 1 && lines[0].hasPrefix("ok \(revision.id)"), "\(lines)")
    }

    @Test("a downgrade that does not undo its upgrade is named", arguments: allDialects)
    func downgradeDoesNotUndo(dialect: DialectName) throws {
        let graph = try Self.history(
            RevisionInfo(
                id: "r2", parents: ["r1"], message: "add qty", createdAt: "2026-01-02T00:00:00Z", upgrade: [Self.addColumn],
                downgrade: []))
        let error = try #require(throws: VerificationError.self) {
            try HistorySchema.withScratchDatabase(like: try Self.url(dialect), purpose: "test") { db in
                try Verifier(graph: graph).verify(on: db)
            }
        }
        #expect(error.revision == "r2 (add qty)")
        #expect(error.reason.contains("does not undo its upgrade") && error.reason.contains("qty"))
    }

    @Test("a downgrade that loses rows is named", arguments: allDialects)
    func rowsLost(dialect: DialectName) throws {
        let graph = try Self.history(
            RevisionInfo(
                id: "r2", parents: ["r1"], message: "add qty", createdAt: "2026-01-02T00:00:00Z", upgrade: [Self.addColumn],
                downgrade: [.dropColumn(table: "t", column: Column("qty", .integer, default: 0)), .execute(RawSQL("DELETE FROM t WHERE id = 1"))]))
        let error = try #require(throws: VerificationError.self) {
            try HistorySchema.withScratchDatabase(like: try Self.url(dialect), purpose: "test") { db in
                try Verifier(graph: graph).verify(on: db)
            }
        }
        #expect(error.revision == "r2 (add qty)" && error.reason.contains("rows of t changed"), "\(error)")
    }

    static func url(_ dialect: DialectName) throws -> DatabaseURL {
        dialect == .sqlite ? .sqlite(path: ":memory:") : try DatabaseURL(PostgresServer.url())
    }
}
