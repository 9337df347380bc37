import Foundation
import Retort
import Testing

/// The quick size of `Benchmarks/autogen.sh`: its own schema (`BenchmarkSchema`) at 500 tables,
/// with views, functions and triggers, compared with the models as `check --no-history` and
/// `autogen` do. What is timed stays in the benchmark; what is kept here is the number of
/// statements each sends, which must not change with the schema's size and must not change
/// unnoticed: a new round trip per table (or per object) shows up as a different count.
@Suite("Benchmark quick size: the statements check and autogen send are pinned and do not grow with the schema")
struct BenchmarkQuickSizeTests {
    /// The statements `check --no-history` and `autogen` send, introspection included. A change
    /// that adds or removes one updates the number here, on purpose.
    static let pinned: [DialectName: (check: Int, autogen: Int)] = [
        .sqlite: (check: 4, autogen: 4),
        .postgres: (check: 15, autogen: 16),
    ]

    /// The counts for one size: the database holds the schema, the models equal it (`check`) or
    /// have 40 tables changed (`autogen`, whose difference must not be empty).
    func counts(_ dialect: DialectName, _ size: BenchmarkSchema) throws -> (check: Int, autogen: Int) {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        try size.create(on: db)
        let graph = try RevisionGraph([])
        let started = Date()
        let check = CountingConnection(db)
        let same = try Autogenerator(models: size.schema, graph: graph).differences(check)
        #expect(same == [], "\(dialect), \(size.tables) tables: \(same.prefix(3).map(\.summary))")
        var changed = size
        changed.changed = 40
        let autogen = CountingConnection(db)
        let ops = try Autogenerator(models: changed.schema, graph: graph).differences(autogen)
        #expect(ops.count >= 40 * 3, "\(dialect), \(size.tables) tables: \(ops.count) operations")
        print("benchmark quick size, \(dialect), \(size.tables) tables: check \(check.count) statements, autogen \(autogen.count), "
            + String(format: "%.2f s for both", Date().timeIntervalSince(started)))
        return (check.count, autogen.count)
    }

    @Test("500 tables with views, functions and triggers send as many statements as 50, and the pinned number", arguments: allDialects)
    func pinnedCounts(dialect: DialectName) throws {
        func size(_ tables: Int) -> BenchmarkSchema {
            BenchmarkSchema(tables: tables, views: tables / 2, functions: dialect == .postgres ? tables / 4 : 0, triggers: tables)
        }
        let small = try counts(dialect, size(50))
        let quick = try counts(dialect, size(500))
        #expect(small == quick, "\(dialect): \(small) statements at 50 tables, \(quick) at 500")
        let pinned = try #require(Self.pinned[dialect])
        #expect(quick == pinned, "\(dialect): check and autogen send \(quick), pinned \(pinned): update the pin if the change is meant")
    }
}
