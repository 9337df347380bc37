import Foundation
import Retort
import Testing

@Suite("Round trip: models → revision → database → models")
struct RoundTripTests {
    @Test("autogen, upgrade, no difference left, downgrade to base", arguments: allDialects, Fixtures.all.map(\.0))
    func roundTrip(dialect: DialectName, fixture: String) throws {
        let models = Fixtures.all.first { $0.0 == fixture }!.1
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let empty = try RevisionGraph([])
        let generator = try Autogenerator(models: models, graph: empty)
        let rev = try #require(try generator.revisions(message: "initial", db: db, single: true).first)
        #expect(rev.upgrade.filter { if case .createTable = $0 { true } else { false } }.count == models.tables.count)

        let migrator = Migrator(graph: try graph([rev]), connection: db)
        try migrator.upgrade(to: "head")
        #expect(try migrator.heads() == [rev.id])
        #expect(try Autogenerator(models: models, graph: try graph([rev])).differences(db) == [])
        #expect(try userTables(db) == models.tables.map(\.name).sorted())

        try migrator.downgrade(to: "base")
        #expect(try userTables(db) == [])
        #expect(try migrator.heads() == [])
    }

    @Test("an unchanged database diffs to nothing, also after reconnecting", arguments: allDialects)
    func noFalsePositives(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        for (_, models) in Fixtures.all {
            let db = try test.connect()
            let generator = try Autogenerator(models: models, graph: try RevisionGraph([]))
            let ops = try generator.differences(db)
            let statements = try db.dialect.implementation.render(ops, from: Schema())
            for s in statements { try db.executeScript(s.sql) }
            db.close()
            let again = try test.connect()
            defer { again.close() }
            #expect(try generator.differences(again) == [], "fixture diffs after creation")
            // Clean up for the next fixture.
            let drops = try PlanPipeline(dialect: again.dialect.implementation).operations(
                from: again.dialect.implementation.introspect(again), to: Schema())
            for s in try again.dialect.implementation.render(drops, from: again.dialect.implementation.introspect(again)) {
                try again.executeScript(s.sql)
            }
        }
    }

    @Test("each model change gives exactly the expected operation, and applying it leaves nothing", arguments: allDialects)
    func incrementalChanges(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        var revisions: [RevisionInfo] = []
        func step(_ models: Schema, _ message: String) throws -> [MigrationOperation] {
            let g = try graph(revisions)
            let gen = try Autogenerator(models: models, graph: g)
            guard var rev = try gen.revisions(message: message, db: db, single: true).first else { return [] }
            rev.id = "r\(revisions.count + 1)"
            revisions.append(rev)
            try Migrator(graph: try graph(revisions), connection: db).upgrade(to: "head")
            #expect(try Autogenerator(models: models, graph: try graph(revisions)).differences(db) == [])
            return rev.upgrade
        }
        var t = Table("t") {
            Column("id", .integer).primaryKey()
            Column("a", .string(20))
        }
        _ = try step(Schema(tables: [t]), "create")
        t.columns.append(Column("b", .integer, nullable: true))
        #expect(try step(Schema(tables: [t]), "add b").map(\.summary) == ["add column t.b integer NULL"])
        t.columns[1].type = .string(40)
        #expect(try step(Schema(tables: [t]), "widen a").map(\.summary) == ["alter column t.a: type string(20) -> string(40)"])
        t.columns[2].nullable = false
        t.columns[2].defaultValue = 7
        #expect(try step(Schema(tables: [t]), "b not null").count == 1)
        t.indexes.append(Index(["a", "b"], unique: true))
        #expect(try step(Schema(tables: [t]), "index").map(\.summary) == ["create unique index ix_t_a_b on t (a, b)"])
        t.checks.append(Check("ck_t_b", "b > 0"))
        #expect(try step(Schema(tables: [t]), "check").map(\.summary) == ["add check constraint ck_t_b on t"])
        t.columns.remove(at: 2)
        t.indexes = []
        t.checks = []
        #expect(try step(Schema(tables: [t]), "drop b").count == 3)
        // Every revision reverts cleanly, one at a time.
        let migrator = Migrator(graph: try graph(revisions), connection: db)
        for _ in revisions { try migrator.downgrade(to: "-1") }
        #expect(try userTables(db) == [])
    }
}
