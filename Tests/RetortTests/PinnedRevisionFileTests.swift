import Foundation
@testable import Retort
import Testing

/// Revision files users committed must keep compiling and keep doing what they did. The four files
/// in `PinnedRevisions/` were written by `RevisionWriter` (a hand-written `.code` step added, as a
/// user would) and are never regenerated: together they use every operation case, a
/// non-transactional revision, a declared downgrade and an `allow` list. This test target compiling
/// is the first half of the proof; the tests below run them on both dialects and pin their checksums.
@Suite("Committed revision files keep compiling, running and checksumming the same")
struct PinnedRevisionFileTests {
    static let revisions: [any Revision.Type] = [
        r20261203_150000_pin0_01_every_operation.self,
        r20261203_150000_pin0_02_concurrent_index_and_batched_update.self,
        r20261203_150000_pin0_03_a_declared_downgrade.self,
        r20261203_150000_pin0_04_sequences_postgresql.self,
        r20261203_190000_pin1_05_views.self,
        r20261207_120000_pin2_06_row_level_security.self,
    ]

    /// SQLite has no sequences: the fourth revision is PostgreSQL's alone, and the views follow the third there
    /// (row-level security, after them, is PostgreSQL's and nothing on SQLite).
    static func revisions(for dialect: DialectName) -> [RevisionInfo] {
        let all = revisions.map(RevisionInfo.init)
        guard dialect == .sqlite else { return all }
        var views = all[4]
        views.parents = [all[2].id]
        return Array(all.prefix(3)) + [views, all[5]]
    }

    @Test("together they use every operation case")
    func everyCase() {
        let used = Set(Self.revisions.flatMap { $0.upgrade + $0.downgrade }.map(OperationCatalogue.caseName))
        #expect(used == OperationCatalogue.allCaseNames, "missing: \(OperationCatalogue.allCaseNames.subtracting(used).sorted())")
    }

    @Test("their checksums are the ones the version that wrote them computed")
    func checksums() {
        let checksums = Self.revisions.map { RevisionInfo($0).checksum }
        #expect(checksums == ["a515b6ee1506efd2", "9212663a02c60fd3", "cccf201cb6a4b28d", "2cb7311239b08196", "1948ad00fabe05e5", "1927fd2d4b4aa6a6"])
    }

    @Test("they upgrade, downgrade to base and upgrade again", arguments: allDialects)
    func run(_ dialect: DialectName) throws {
        let db = try TestDatabase.make(dialect)
        let connection = try db.connect()
        defer { connection.close() }
        let migrator = Migrator(graph: try RevisionGraph(Self.revisions(for: dialect)), connection: connection)
        for round in 1...2 {
            try migrator.upgrade(to: "head")
            #expect(try db.values("SELECT name, score FROM pin_parent ORDER BY id") == [["a-2", "1"], ["b-2", "1"]], "round \(round)")
            #expect(try db.values("SELECT id, parent_id, extra, qty FROM pin_kid ORDER BY id") == [["1", "1", "8", "1"], ["2", "2", "8", "1"]])
            // The views: recreated with a new column under a view that uses it, which came back too.
            #expect(try db.values("SELECT id, name FROM pin_scores ORDER BY id") == [["1", "a-2"], ["2", "b-2"]])
            #expect(try db.values("SELECT name FROM pin_top ORDER BY name") == [["a-2"], ["b-2"]])
            if dialect == .postgres {
                #expect(try db.values("SELECT obj_description('pin_scores'::regclass, 'pg_class')") == [["scores"]])
                #expect(try db.values("SELECT enum_range(NULL::pin_humor)::text") == [["{so-so,ok,sad}"]])
                #expect(try db.values("SELECT obj_description('pin_kid'::regclass, 'pg_class')") == [["kids"]])
                #expect(try db.values("SELECT min(ticket), max(ticket) FROM pin_kid") == [["10", "11"]])
                #expect(try db.values("SELECT increment_by FROM pg_sequences WHERE sequencename = 'pin_counter'") == [["5"]])
                #expect(try db.values("SELECT count(*) FROM pg_indexes WHERE indexname IN ('ix_pin_kid_extra', 'ix_pin_child_qty2')") == [["1"]])
            } else {
                #expect(try db.values("SELECT sql LIKE '%STRICT' FROM sqlite_master WHERE name = 'pin_kid'") == [["1"]])
            }
            try migrator.downgrade(to: "base")
            #expect(try userTables(connection).filter { $0.hasPrefix("pin_") }.isEmpty, "round \(round)")
            if dialect == .postgres {
                #expect(try db.values("SELECT count(*) FROM pg_type WHERE typname LIKE 'pin_%'") == [["0"]])
                #expect(try db.values("SELECT count(*) FROM pg_class WHERE relname LIKE 'pin_%'") == [["0"]])
            }
        }
    }
}
