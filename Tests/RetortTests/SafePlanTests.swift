import Foundation
import Retort
import Testing

/// `autogen --safe`: the seed story (a NOT NULL `categoria` added to a table with rows while the app
/// serves) and its companions (an index, a foreign key, a check) written as expand / backfill /
/// contract revisions that lint finds nothing in, that apply, check clean and revert.
@Suite("Safe plans: expand, backfill, contract; concurrent indexes; NOT VALID then VALIDATE")
struct SafePlanTests {
    static let before = Schema {
        Table("proyectos") { Column("id", .integer).primaryKey() }
        Table("tareas") {
            Column("id", .integer).primaryKey()
            Column("nombre", .string(200))
            Column("prioridad", .smallint, default: 3)
            Column("proyecto_id", .integer, nullable: true)
            Column("nota", .text, nullable: true)
        }
    }

    static let after = Schema {
        Table("proyectos") { Column("id", .integer).primaryKey() }
        Table("tareas") {
            Column("id", .integer).primaryKey()
            Column("nombre", .string(200))
            Column("prioridad", .smallint, default: 3)
            Column("proyecto_id", .integer, nullable: true).references("proyectos", "id")
            Column("nota", .text).backfill("-")                          // becomes NOT NULL
            Column("categoria", .string(50)).backfill("General")          // new NOT NULL, no default
            Check("ck_tareas_prioridad", "prioridad BETWEEN 1 AND 5")
            Index("nombre", name: "ix_tareas_nombre")
            Unique("nombre", "id", name: "uq_tareas_nombre_id")            // its index built concurrently, then taken over
        }
    }

    @Test("the seed story on a table with rows: a safe chain that lint passes, applies, checks clean and reverts", arguments: allDialects)
    func seedStory(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let start = try Autogenerator(models: Self.before, graph: try RevisionGraph([]))
        let base = try start.revisions(message: "base", db: db, idToken: "aaaa")
        try Migrator(graph: try RevisionGraph(base), connection: db).upgrade(to: "head")
        try db.executeScript(
            dialect == .postgres
                ? "INSERT INTO proyectos VALUES (1); INSERT INTO tareas (id, nombre, proyecto_id) SELECT g, 'tarea ' || g, 1 FROM generate_series(1, 25000) g; ANALYZE tareas"
                : """
                INSERT INTO proyectos VALUES (1);
                WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 25000)
                INSERT INTO tareas (id, nombre, proyecto_id) SELECT i, 'tarea ' || i, 1 FROM g
                """)
        let generator = try Autogenerator(models: Self.after, graph: try RevisionGraph(base))
        let safe = try generator.revisions(message: "categoria", db: db, safe: true, idToken: "bbbb")
        #expect(safe.map(\.message) == ["categoria: expand tareas", "categoria: backfill tareas", "categoria: contract tareas"])
        #expect(safe.map(\.transactional) == [false, false, false])
        let all = base + safe
        let rows = try Linter.tableRows(db, tables: ["tareas"])
        let findings = try Linter(dialect: dialect, rows: rows, largeTableRows: 1000).lint(safe, from: try generator.databaseSchema(db))
        // Nothing but SQLite's table rebuilds, which no plan avoids there.
        #expect(findings.filter { $0.code != "RT401" }.map(\.code) == [], "\(findings.map(\.line))")
        // The plain plan of the same change is what lint is there to stop.
        let plain = try generator.revisions(message: "categoria", db: db, idToken: "cccc")
        let plainFindings = try Linter(dialect: dialect, rows: rows, largeTableRows: 1000).lint(plain, from: try generator.databaseSchema(db))
        #expect(Linter.fails(plainFindings))

        var log: [String] = []
        try Migrator(graph: try RevisionGraph(all), connection: db, log: { log.append($0) }).upgrade(to: "head")
        #expect(log.contains { $0.hasPrefix("update tareas: 25000 of 25000 row(s)") })
        #expect(try generator.differences(db) == [])
        #expect(try db.query("SELECT count(*) FROM tareas WHERE categoria = 'General' AND nota = '-'").first?.first?.int == 25_000)
        try Migrator(graph: try RevisionGraph(all), connection: db).downgrade(to: base.last!.id)
        #expect(try Differ(dialect: dialect.implementation).diff(from: try db.dialect.implementation.introspect(db), to: Self.before.named()) == [])
    }

    @Test("a unique constraint takes over the index built concurrently for it")
    func uniqueUsingIndex() throws {
        let table = Self.before.named().table("tareas")!
        let u = UniqueConstraint(["nombre"], name: "uq_tareas_nombre")
        let ops: [MigrationOperation] = [
            .createIndexConcurrently(table: "tareas", index: Index(["nombre"], unique: true, name: "uq_tareas_nombre")),
            .addConstraint(table: "tareas", constraint: .unique(u)),
        ]
        let sql = try PostgresDialect().render(ops, from: Schema(tables: [table])).map(\.sql)
        #expect(sql == [
            "CREATE UNIQUE INDEX CONCURRENTLY \"uq_tareas_nombre\" ON \"tareas\" (\"nombre\")",
            "ALTER TABLE \"tareas\" ADD CONSTRAINT \"uq_tareas_nombre\" UNIQUE USING INDEX \"uq_tareas_nombre\"",
        ])
        var after = Schema(tables: [table])
        for op in ops { try after.apply(op) }
        #expect(after.table("tareas")?.indexes == [] && after.table("tareas")?.uniqueConstraints == [u])
    }

    @Test("without a backfill value the backfill step refuses while rows lack one, naming what to do")
    func missingBackfill() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let base = try Autogenerator(models: Self.before, graph: try RevisionGraph([])).revisions(message: "base", db: db, idToken: "aaaa")
        try Migrator(graph: try RevisionGraph(base), connection: db).upgrade(to: "head")
        try db.executeScript("INSERT INTO tareas (id, nombre) VALUES (1, 'a')")
        let models = Schema {
            Table("proyectos") { Column("id", .integer).primaryKey() }
            Table("tareas") {
                Column("id", .integer).primaryKey(); Column("nombre", .string(200)); Column("prioridad", .smallint, default: 3)
                Column("proyecto_id", .integer, nullable: true); Column("nota", .text, nullable: true)
                Column("categoria", .string(50))
            }
        }
        let safe = try Autogenerator(models: models, graph: try RevisionGraph(base)).revisions(message: "c", db: db, safe: true, idToken: "bbbb")
        let error = #expect(throws: MigrationError.self) { try Migrator(graph: try RevisionGraph(base + safe), connection: db).upgrade(to: "head") }
        #expect(error?.reason.contains("rows of tareas have no categoria: give the model") == true, "\(String(describing: error))")
    }
}
