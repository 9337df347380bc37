import Foundation
import Retort
import Testing

@Suite("Safety: rebuilds keep rows, failures roll back")
struct SafetyTests {
    static let before = Schema {
        Table("autores") {
            Column("id", .integer).primaryKey()
            Column("nombre", .string(50), nullable: true)
            Column("pais", .string(2), nullable: true).indexed()
        }
        Table("libros") {
            Column("id", .integer).primaryKey()
            Column("titulo", .string(100))
            Column("autor_id", .integer).references("autores", "id", onDelete: .cascade)
        }
    }

    static var after: Schema {
        var s = before
        s.tables[0].columns[1] = Column("nombre", .text, default: "anónimo")
        s.tables[0].hints = TableHints()
        s.tables[0].hints?.backfills["nombre"] = "anónimo"  // what .backfill("anónimo") records
        s.tables[1].columns[1] = Column("titulo", .string(300), nullable: true)
        return s
    }

    @Test("type and nullability changes on tables with rows and foreign keys keep every row and reference", arguments: allDialects)
    func rebuildKeepsRows(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let r1 = try #require(try Autogenerator(models: Self.before, graph: try graph([])).revisions(message: "create", db: db, single: true).first)
        try Migrator(graph: try graph([r1]), connection: db).upgrade(to: "head")
        try db.executeScript(
            """
            INSERT INTO autores (id, nombre, pais) VALUES (1, 'Ana', 'ES'), (2, NULL, 'MX'), (3, 'Luis', NULL);
            INSERT INTO libros (id, titulo, autor_id) VALUES (1, 'a', 1), (2, 'b', 1), (3, 'c', 2), (4, 'd', 3), (5, 'e', 3);
            """)
        var r2 = try #require(try Autogenerator(models: Self.after, graph: try graph([r1])).revisions(message: "alter", db: db, single: true).first)
        r2.id = "r2"
        r2.parents = [r1.id]
        #expect(r2.upgrade.count == 3)  // the backfill the model asks for, then the two changes
        let migrator = Migrator(graph: try graph([r1, r2]), connection: db)
        try migrator.upgrade(to: "head")

        #expect(try db.query("SELECT count(*) FROM autores").first?.first?.int == 3)
        #expect(try db.query("SELECT count(*) FROM libros").first?.first?.int == 5)
        #expect(try db.query("SELECT nombre FROM autores WHERE id = 2").first?.first?.string == "anónimo")
        let orphans = try db.query("SELECT count(*) FROM libros l LEFT JOIN autores a ON a.id = l.autor_id WHERE a.id IS NULL")
        #expect(orphans.first?.first?.int == 0)
        let schema = try db.dialect.implementation.introspect(db)
        #expect(schema.table("libros")?.foreignKeys.map(\.referencedTable) == ["autores"])
        #expect(schema.table("libros")?.foreignKeys.first?.onDelete == .cascade)
        #expect(schema.table("autores")?.indexes.map(\.name) == ["ix_autores_pais"])
        #expect(try Autogenerator(models: Self.after, graph: try graph([r1, r2])).differences(db) == [])
        // The cascade still works after the rebuild.
        try db.execute("DELETE FROM autores WHERE id = 3")
        #expect(try db.query("SELECT count(*) FROM libros").first?.first?.int == 3)

        try migrator.downgrade(to: "-1")
        #expect(try db.query("SELECT count(*) FROM libros").first?.first?.int == 3)
        #expect(try Autogenerator(models: Self.before, graph: try graph([r1])).differences(db) == [])
    }

    @Test("a revision that fails halfway leaves the database at the previous revision", arguments: allDialects)
    func failureIsAtomic(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let a = Table("a") {
            Column("id", .integer).primaryKey()
        }
        let b = Table("b") {
            Column("id", .integer).primaryKey()
        }
        let r1 = try revision("r1", [.createTable(a)])
        let r2 = try revision(
            "r2", parents: ["r1"],
            [
                .createTable(b),
                .addColumn(table: "a", column: Column("x", .integer, nullable: true)),
                .execute(RawSQL("INSERT INTO no_such_table VALUES (1)")),
            ], downgrade: [])
        let migrator = Migrator(graph: try graph([r1, r2]), connection: db)
        #expect(throws: MigrationError.self) { try migrator.upgrade(to: "head") }
        #expect(try migrator.heads() == ["r1"])
        let schema = try db.dialect.implementation.introspect(db)
        #expect(schema.tables.map(\.name) == ["a"])
        #expect(schema.table("a")?.columns.map(\.name) == ["id"])
    }

    @Test("a NOT NULL change over NULL rows fails cleanly and keeps the rows", arguments: allDialects)
    func notNullOverNullsRollsBack(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let t = Table("t") {
            Column("id", .integer).primaryKey()
            Column("v", .integer, nullable: true)
        }
        let r1 = try revision("r1", [.createTable(t)])
        let r2 = try revision("r2", parents: ["r1"], [.alterColumn(table: "t", from: t.columns[1], to: Column("v", .integer))])
        let migrator = Migrator(graph: try graph([r1]), connection: db)
        try migrator.upgrade(to: "head")
        try db.executeScript("INSERT INTO t (id, v) VALUES (1, NULL), (2, 5)")
        #expect(throws: MigrationError.self) { try Migrator(graph: try graph([r1, r2]), connection: db).upgrade(to: "head") }
        #expect(try db.query("SELECT count(*) FROM t").first?.first?.int == 2)
        #expect(try Migrator(graph: try graph([r1, r2]), connection: db).heads() == ["r1"])
    }
}
