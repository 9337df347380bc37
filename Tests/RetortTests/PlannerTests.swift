import Foundation
@testable import Retort
import Testing

@Suite("Planner: dependency order, cycles, determinism")
struct PlannerTests {
    /// Declared children first, with a self-reference and a two-table cycle.
    static let models = Schema {
        Table("comentarios") {
            Column("id", .integer).primaryKey()
            Column("post_id", .integer).references("posts", "id", onDelete: .cascade)
            Column("respuesta_a", .integer, nullable: true).references("comentarios", "id")
        }
        Table("posts") {
            Column("id", .integer).primaryKey()
            Column("autor_id", .integer).references("autores", "id")
        }
        Table("autores") {
            Column("id", .integer).primaryKey()
            Column("post_destacado", .integer, nullable: true)
        }
        Table("equipos") {
            Column("id", .integer).primaryKey()
            Column("capitan_id", .integer, nullable: true).references("jugadores", "id")
        }
        Table("jugadores") {
            Column("id", .integer).primaryKey()
            Column("equipo_id", .integer, nullable: true).references("equipos", "id")
        }
    }

    @Test("referenced tables are created first; a cycle's keys are added at the end; drops run in reverse")
    func order() throws {
        let named = Self.models.named()
        let plan = Planner().plan(try Differ(dialect: SQLiteDialect()).tableOperations(from: Schema(), to: named), current: Schema(), target: named)
        #expect(plan.groups.map(\.table) == ["autores", "posts", "comentarios", "equipos", "jugadores", nil])
        #expect(plan.groups.last?.operations.map(\.summary) == ["add foreign key fk_equipos_capitan_id_jugadores on equipos"])
        // The self-reference stays inside its CREATE TABLE.
        guard case .createTable(let comentarios) = plan.groups[2].operations[0] else { Issue.record("not a create"); return }
        #expect(comentarios.foreignKeys.count == 2)

        let drop = try PlanPipeline(dialect: SQLiteDialect()).operations(from: named, to: Schema())
        #expect(drop.compactMap { if case .dropTable(let t) = $0 { t.name } else { nil } }
            == ["comentarios", "posts", "autores", "jugadores", "equipos"])
        #expect(drop.first { $0.tableName == "equipos" }?.summary == "drop foreign key fk_equipos_capitan_id_jugadores on equipos")
    }

    @Test("the plan does not depend on the order the operations arrive in")
    func deterministic() throws {
        let named = Self.models.named()
        let ops = try Differ(dialect: PostgresDialect()).tableOperations(from: Schema(), to: named)
        let expected = Planner().plan(ops, current: Schema(), target: named)
        // Every rotation and the reversal of the input: a planner that leaned on input order
        // (or on dictionary iteration) would give a different plan for some of them.
        var inputs = (0..<ops.count).map { Array(ops[$0...] + ops[..<$0]) }
        inputs.append(ops.reversed())
        for input in inputs {
            #expect(Planner().plan(input, current: Schema(), target: named) == expected)
        }
        #expect(expected.groups.count == 6)
    }

    @Test("cycles and self-references create, round-trip and drop on a real database", arguments: allDialects)
    func cyclesApply(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let rev = try #require(try Autogenerator(models: Self.models, graph: try graph([])).revisions(message: "all", db: db, single: true).first)
        let migrator = Migrator(graph: try graph([rev]), connection: db)
        try migrator.upgrade(to: "head")
        #expect(try Autogenerator(models: Self.models, graph: try graph([rev])).differences(db) == [])
        // The planner's own drop order (not the revision's inverse) works on the database too.
        let dropAll = try revision("drop", parents: [rev.id], PlanPipeline(dialect: db.dialect.implementation).operations(
            from: db.dialect.implementation.introspect(db), to: Schema()), downgrade: [])
        try Migrator(graph: try graph([rev, dropAll]), connection: db).upgrade(to: "head")
        #expect(try userTables(db) == [])
        try db.executeScript("DELETE FROM retort_version; DELETE FROM retort_applied")
        try migrator.upgrade(to: "head")
        try migrator.downgrade(to: "base")
        #expect(try userTables(db) == [])
    }
}
