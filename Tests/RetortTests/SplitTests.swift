import Foundation
import Testing

@testable import Retort
@testable import RetortCLI

@Suite("Per-table revisions and split")
struct SplitTests {
    static let shapes: [(String, Schema)] = [
        ("chain", Schema {
            Table("c") { Column("id", .integer).primaryKey(); Column("b_id", .integer).references("b", "id") }
            Table("b") { Column("id", .integer).primaryKey(); Column("a_id", .integer).references("a", "id") }
            Table("a") { Column("id", .integer).primaryKey() }
        }),
        ("diamond", Schema {
            Table("top") { Column("id", .integer).primaryKey() }
            Table("left") { Column("id", .integer).primaryKey(); Column("top_id", .integer).references("top", "id") }
            Table("right") { Column("id", .integer).primaryKey(); Column("top_id", .integer).references("top", "id") }
            Table("bottom") {
                Column("id", .integer).primaryKey()
                Column("left_id", .integer).references("left", "id")
                Column("right_id", .integer).references("right", "id")
            }
        }),
        ("self-reference", Schema {
            Table("nodo") { Column("id", .integer).primaryKey(); Column("padre", .integer, nullable: true).references("nodo", "id") }
            Table("hoja") { Column("id", .integer).primaryKey(); Column("nodo_id", .integer).references("nodo", "id") }
        }),
        ("two-table cycle", Schema {
            Table("equipos") { Column("id", .integer).primaryKey(); Column("capitan", .integer, nullable: true).references("jugadores", "id") }
            Table("jugadores") { Column("id", .integer).primaryKey(); Column("equipo", .integer, nullable: true).references("equipos", "id") }
        }),
    ]

    @Test("per-table revisions apply and revert one at a time and end where one revision does",
          arguments: allDialects, shapes.map(\.0))
    func perTable(dialect: DialectName, shape: String) throws {
        let models = Self.shapes.first { $0.0 == shape }!.1
        let chained = try TestDatabase.make(dialect), single = try TestDatabase.make(dialect)
        let db = try chained.connect(), other = try single.connect()
        defer { db.close(); other.close() }

        let revisions = try Autogenerator(models: models, graph: try graph([])).revisions(message: "m", db: db)
        #expect(revisions.count >= 2)
        #expect(revisions.map(\.id) == revisions.map(\.id).sorted())
        for (a, b) in zip(revisions, revisions.dropFirst()) { #expect(b.parents == [a.id]) }
        let migrator = Migrator(graph: try graph(revisions), connection: db)
        for r in revisions {
            try migrator.upgrade(to: "+1")
            #expect(try migrator.heads() == [r.id])
        }
        #expect(try Autogenerator(models: models, graph: try graph(revisions)).differences(db) == [])

        let one = try #require(try Autogenerator(models: models, graph: try graph([])).revisions(message: "m", db: other, single: true).first)
        try Migrator(graph: try graph([one]), connection: other).upgrade(to: "head")
        let dialectImpl = dialect.implementation
        #expect(try Differ(dialect: dialectImpl).diff(from: try dialectImpl.introspect(db), to: try dialectImpl.introspect(other)) == [])

        for r in revisions.reversed() {
            #expect(try migrator.heads() == [r.id])
            try migrator.downgrade(to: "-1")
        }
        #expect(try userTables(db) == [])
    }

    /// r0 creates documentos; r1 creates four tables at once.
    static func history() throws -> [RevisionInfo] {
        let base = Schema { Table("documentos") { Column("id", .integer).primaryKey() } }
        let four = Schema(tables: base.tables + Schema {
            Table("embeddings") { Column("id", .integer).primaryKey(); Column("doc_id", .integer).references("documentos", "id") }
            Table("conversaciones") { Column("id", .integer).primaryKey() }
            Table("modelos") { Column("id", .integer).primaryKey() }
            Table("cuotas") { Column("id", .integer).primaryKey(); Column("modelo_id", .integer).references("modelos", "id") }
        }.tables).named()
        let r0 = try revision("r0", try PlanPipeline(dialect: SQLiteDialect()).operations(from: Schema(), to: base.named()))
        let r1 = try revision("r1", parents: ["r0"], try PlanPipeline(dialect: SQLiteDialect()).operations(from: base.named(), to: four))
        return [r0, r1]
    }

    @Test("split an unapplied revision: the chain applies, one table per revision", arguments: allDialects)
    func splitUnapplied(dialect: DialectName) throws {
        let old = try Self.history()
        let split = try RevisionSplit("r1", in: try graph(old))
        #expect(split.revisions.count == 4)
        #expect(split.revisions.first?.parents == ["r0"])
        #expect(split.revisions.last?.replaces == ["r1"])
        #expect(split.revisions.map(\.message) == ["r1: create embeddings", "r1: create conversaciones", "r1: create modelos", "r1: create cuotas"])
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let migrator = Migrator(graph: try graph([old[0]] + split.revisions), connection: db)
        try migrator.upgrade(to: "head")
        #expect(try userTables(db).count == 5)
        try migrator.downgrade(to: "-1")
        #expect(try userTables(db) == ["conversaciones", "documentos", "embeddings", "modelos"])
    }

    @Test("split an applied revision: the database is at the end of the new chain", arguments: allDialects)
    func splitApplied(dialect: DialectName) throws {
        let old = try Self.history()
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        try Migrator(graph: try graph(old), connection: db).upgrade(to: "head")

        let split = try RevisionSplit("r1", in: try graph(old))
        let migrator = Migrator(graph: try graph([old[0]] + split.revisions), connection: db)
        #expect(try migrator.heads() == [split.revisions.last!.id])
        #expect(try migrator.upgrade(to: "head").isEmpty)
        try migrator.downgrade(to: "-1")
        #expect(try userTables(db) == ["conversaciones", "documentos", "embeddings", "modelos"])
        #expect(try migrator.heads() == [split.revisions[2].id])
        #expect(try db.query("SELECT revision FROM retort_version").map { $0[0].string } == [split.revisions[2].id])
        try migrator.upgrade(to: "head")
        #expect(try userTables(db).count == 5)
        // Stamping at the old id is understood as the end of the new chain, too.
        try db.execute("UPDATE retort_version SET revision = 'r1'")
        #expect(try migrator.heads() == [split.revisions.last!.id])
    }

    @Test("split refuses hand-written code and single-table revisions")
    func splitRefuses() throws {
        var old = try Self.history()
        old[1].upgrade.append(.execute(RawSQL("UPDATE x SET y = 1", reverse: RawSQL("SELECT 1"))))
        #expect(throws: RevisionError.self) { try RevisionSplit("r1", in: try graph(old)) }
        #expect(throws: RevisionError("revision r0 changes a single table; there is nothing to split")) {
            try RevisionSplit("r0", in: try graph(old))
        }
    }

    @Test("two autogen runs on the same input write byte-identical files")
    func deterministic() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        let date = Date(timeIntervalSince1970: 1_763_000_000)
        let writer = try RevisionWriter(directory: URL(fileURLWithPath: "/nonexistent"), projectRoot: nil)
        func run() throws -> [String] {
            try Autogenerator(models: Fixtures.shop, graph: try graph([])).revisions(message: "shop", db: db, date: date, idToken: "abcd")
                .map(writer.render)
        }
        let first = try run(), second = try run()
        #expect(first.count == 4)
        #expect(first == second)
    }
}
