import Foundation
import Retort
import Testing

/// Renames from a hint in the model: every kind, rows kept both ways, check clean after each.
@Suite("Renames from model hints")
struct RenameTests {
    static let before = Schema {
        Table("customers") {
            Column("id", .integer).primaryKey()
            Column("nombre", .string(100))
            Column("estado", .enumeration("estado_cliente", ["nuevo", "activo"]), default: "nuevo")
            Column("pais", .string(2)).indexed()
            Unique("nombre", name: "uq_old_nombre")
        }
        Table("pedidos") {
            Column("id", .integer).primaryKey()
            Column("cliente_id", .integer).references("customers", "id")
        }
    }

    static func after(_ kind: String) -> Schema {
        Schema {
            Table("clientes", renamedFrom: kind == "table" ? "customers" : nil) {
                Column("id", .integer).primaryKey()
                if kind == "column" { Column("nombre_completo", .string(100)).renamed(from: "nombre") } else { Column("nombre", .string(100)) }
                if kind == "enum type" {
                    Column("estado", .enumeration("estado_v2", ["nuevo", "activo"]), default: "nuevo").enumRenamed(from: "estado_cliente")
                } else if kind == "enum value" {
                    Column("estado", .enumeration("estado_cliente", ["pendiente", "activo"]), default: "pendiente")
                        .enumValueRenamed("pendiente", from: "nuevo")
                } else {
                    Column("estado", .enumeration("estado_cliente", ["nuevo", "activo"]), default: "nuevo")
                }
                if kind == "index" {
                    Column("pais", .string(2))
                    Index("pais", name: "ix_pais").renamed(from: "ix_clientes_pais")
                } else {
                    Column("pais", .string(2)).indexed()
                }
                if kind == "constraint" {
                    Unique("nombre", name: "uq_nombre").renamed(from: "uq_old_nombre")
                } else {
                    Unique(kind == "column" ? "nombre_completo" : "nombre", name: "uq_old_nombre")
                }
            }
            Table("pedidos") {
                Column("id", .integer).primaryKey()
                Column("cliente_id", .integer).references("clientes", "id")
            }
        }
    }

    @Test("each kind of rename keeps every row through upgrade and downgrade, and check is clean after each",
          arguments: allDialects, ["table", "column", "index", "constraint", "enum type", "enum value"])
    func rename(dialect: DialectName, kind: String) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        // The starting point: the table already called clientes, except for the table rename itself.
        var start = Self.before
        if kind != "table" {
            start.tables[0].name = "clientes"
            start.tables[1].foreignKeys[0].referencedTable = "clientes"
            start.tables[0].indexes[0] = Index(["pais"], name: "ix_clientes_pais")
        }
        let r1 = try #require(try Autogenerator(models: start, graph: try graph([])).revisions(message: "start", db: db, single: true).first)
        try Migrator(graph: try graph([r1]), connection: db).upgrade(to: "head")
        let table = kind == "table" ? "customers" : "clientes"
        try db.executeScript("INSERT INTO \(table) (id, nombre, estado, pais) VALUES (1, 'Ana', 'nuevo', 'ES'), (2, 'Luis', 'activo', 'MX')")
        try db.executeScript("INSERT INTO pedidos (id, cliente_id) VALUES (10, 1), (11, 2)")

        let models = Self.after(kind)
        // SQLite stores enums as text, so only a PostgreSQL database shows an enum's name and
        // values: enum renames are generated there, and the same revision then runs on SQLite.
        var source = db
        let pg = dialect == .sqlite && kind.hasPrefix("enum") ? try TestDatabase.make(.postgres) : nil
        if let pg {
            source = try pg.connect()
            try Migrator(graph: try graph([r1]), connection: source).upgrade(to: "head")
        }
        defer { if pg != nil { source.close() } }
        var r2 = try #require(try Autogenerator(models: models, graph: try graph([r1])).revisions(message: "rename", db: source, single: true).first)
        r2.id = "r2"
        r2.parents = [r1.id]
        // Only renames: nothing is dropped and created again.
        #expect(r2.upgrade.allSatisfy { $0.summary.hasPrefix("rename") || $0.summary.hasPrefix("alter column") }, "\(r2.upgrade.map(\.summary))")
        let migrator = Migrator(graph: try graph([r1, r2]), connection: db)
        try migrator.upgrade(to: "head")
        let column = kind == "column" ? "nombre_completo" : "nombre"
        #expect(try db.query("SELECT \(column), estado FROM clientes ORDER BY id").map { [$0[0].string, $0[1].string] }
            == [["Ana", kind == "enum value" ? "pendiente" : "nuevo"], ["Luis", "activo"]])
        #expect(try db.query("SELECT count(*) FROM pedidos p JOIN clientes c ON c.id = p.cliente_id").first?.first?.int == 2)
        #expect(try Autogenerator(models: models, graph: migrator.graph).differences(db) == [])

        try migrator.downgrade(to: "-1")
        #expect(try db.query("SELECT nombre, estado FROM \(table) ORDER BY id").map { [$0[0].string, $0[1].string] }
            == [["Ana", "nuevo"], ["Luis", "activo"]])
        #expect(try Autogenerator(models: start, graph: try graph([r1])).differences(db) == [])
    }

    @Test("a spent hint does nothing; old and new names both present is refused")
    func spentAndConflicting() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        let models = Schema { Table("b", renamedFrom: "a") { Column("id", .integer).primaryKey() } }
        let r1 = try #require(try Autogenerator(models: models, graph: try graph([])).revisions(message: "b", db: db).first)
        #expect(r1.upgrade.map(\.summary) == ["create table b"])
        try Migrator(graph: try graph([r1]), connection: db).upgrade(to: "head")
        #expect(try Autogenerator(models: models, graph: try graph([r1])).differences(db) == [])
        try db.execute("CREATE TABLE a (id integer PRIMARY KEY)")
        #expect(throws: ModelError.self) { try Autogenerator(models: models, graph: try graph([r1])).differences(db) }
    }

    @Test("without a hint, a drop and an add that look alike get a one-line suggestion")
    func suggestion() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        let before = Schema { Table("tareas") { Column("id", .integer).primaryKey(); Column("nombre", .text) } }
        let r1 = try #require(try Autogenerator(models: before, graph: try graph([])).revisions(message: "t", db: db).first)
        try Migrator(graph: try graph([r1]), connection: db).upgrade(to: "head")
        let after = Schema { Table("tareas") { Column("id", .integer).primaryKey(); Column("titulo", .text) } }
        var lines: [String] = []
        let revisions = try Autogenerator(models: after, graph: try graph([r1])).revisions(message: "x", db: db) { lines.append($0) }
        #expect(revisions.first?.upgrade.map(\.summary) == ["add column tareas.titulo text NOT NULL", "drop column tareas.nombre"])
        #expect(lines == ["did you rename tareas.nombre to tareas.titulo? add .renamed(from: \"nombre\") and run autogen again"])
    }

    @Test("excluded tables are never dropped or reported, and models may reference them", arguments: allDialects)
    func exclusions(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")
        try db.executeScript("CREATE TABLE spatial_ref_sys (srid integer PRIMARY KEY)")
        try db.executeScript("CREATE TABLE _fluent_migrations (id integer PRIMARY KEY)")
        let models = Schema {
            Table("lugares") {
                Column("id", .integer).primaryKey()
                Column("srid", .integer).references("spatial_ref_sys", "srid")
            }
        }
        let filter = TableFilter(["alembic_version", "spatial_ref_sys", "_fluent_*"])
        let generator = try Autogenerator(models: models, graph: try graph([]), excluding: filter)
        let r1 = try #require(try generator.revisions(message: "lugares", db: db).first)
        #expect(r1.upgrade.map(\.summary) == ["create table lugares"])
        try Migrator(graph: try graph([r1]), connection: db).upgrade(to: "head")
        #expect(try Autogenerator(models: models, graph: try graph([r1]), excluding: filter).differences(db) == [])
        #expect(try userTables(db).contains("_fluent_migrations"))
        // Without the exclusion, the foreign table would be dropped.
        #expect(try Autogenerator(models: models, graph: try graph([r1]), excluding: TableFilter(["spatial_ref_sys"]))
            .differences(db).map(\.summary).contains("drop table alembic_version"))
        // A revision that would change an excluded table fails before it runs.
        let r2 = try revision("r2", parents: [r1.id], [.dropTable(Table("alembic_version") { Column("version_num", .string(32)) })])
        #expect(throws: MigrationError.self) {
            try Migrator(graph: try graph([r1, r2]), connection: db, exclusions: filter).upgrade(to: "head")
        }
        #expect(try userTables(db).contains("alembic_version"))
    }
}
