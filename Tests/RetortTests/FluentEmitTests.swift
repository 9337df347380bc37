import Foundation
import Retort
import Testing

/// `autogen --emit fluent`, end to end, with the tareas migrate tool as a Fluent app would have it
/// (models, no Retort revisions): the migrations it writes for the tareas models (plus a table
/// with every portable type, default kind and constraint option) compile against fluent-kit, run
/// through Fluent's own migrator on SQLite and PostgreSQL, and leave a schema `check` finds equal to
/// the models; a second model change is emitted against the migrated database and applied the same
/// way; reverting everything leaves only Fluent's own table.
extension TareasServerTests {
    static let everyType = """
            Table("fluent_tipos", comment: "Un tipo de cada") {
                Column("id", .bigint).primaryKey(autoincrement: true)
                Column("pequeno", .smallint, default: 3)
                Column("entero", .integer, nullable: true, comment: "Un entero")
                Column("texto", .text, default: "it's \\\\ \\"quoted\\"")
                Column("activo", .boolean, default: true)
                Column("real", .real, nullable: true)
                Column("doble", .double, default: 1.5)
                Column("precio", .decimal(10, 2), nullable: true)
                Column("dia", .date, default: .currentDate)
                Column("momento", .timestamptz, nullable: true)
                Column("uid", .uuid, nullable: true)
                Column("datos", .json, nullable: true)
                Column("bytes", .blob, nullable: true)
                Column("codigo", .string(20))
                Column("tarea_id", .integer, nullable: true).references("tareas", "id", onDelete: .cascade)
                Unique("codigo", "pequeno")
                ForeignKey("entero", references: "usuarios", "id", deferrable: .initiallyDeferred)
                Check("ck_fluent_tipos_doble", "doble >= 0")
                Index("texto", where: "activo")
            }

        """

    static func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text)
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("autogen --emit fluent: the committed example migrations and freshly written ones compile against fluent-kit, run through Fluent's migrator on SQLite and PostgreSQL, check is clean; a second change too; revert leaves only _fluent_migrations")
    func fluentRoundTrip() throws {
        let (server, schema) = try Self.prepare()
        let tareas = schema.deletingLastPathComponent().deletingLastPathComponent()
        // An app that keeps Fluent's migrator has models and no Retort revisions: Fluent keeps the history.
        let revisions = schema.appendingPathComponent("Revisions")
        for file in try FileManager.default.contentsOfDirectory(atPath: revisions.path) {
            try FileManager.default.removeItem(at: revisions.appendingPathComponent(file))
        }
        let tool = tareas.appendingPathComponent(".build/debug/tareas").path
        var r = ProcessResult(status: 0, stdout: "", stderr: "")
        let runner = server.appendingPathComponent(".build/debug/tareas-fluent").path
        func buildRunner() throws {
            try ExamplePackages.build(server, product: "tareas-fluent")
        }
        func check(_ db: TestDatabase, expecting status: Int32 = 0) throws {
            let c = try runProcess(tool, ["check", "--no-history", "--exclude-table", "_fluent_migrations", "--url", db.url.description])
            #expect(c.status == status, "\(db.url.dialect): \(c.stdout)\(c.stderr)")
        }

        // The migrations committed in the example (written by `tareas autogen --emit fluent`) are
        // those of today's models: run on SQLite, check is clean.
        try ExamplePackages.build(tareas)
        try buildRunner()
        let committed = try TestDatabase.make(.sqlite)
        try committed.connect().close()
        r = try runProcess(runner, ["prepare", committed.url.description])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        try check(committed)

        let models = schema.appendingPathComponent("Models.swift")
        try Self.edit(models) { text in
            let end = text.range(of: "}\n", options: .backwards)!
            return text.replacingCharacters(in: end, with: Self.everyType + "}\n")
        }
        try ExamplePackages.build(tareas)
        let output = server.appendingPathComponent("Sources/TareasFluent")
        try FileManager.default.removeItem(at: output)  // the committed migrations: written again here

        // The first migrations: the difference between the models and an empty database.
        let empty = try TestDatabase.make(.sqlite)
        try empty.connect().close()
        r = try runProcess(tool, ["autogen", "--emit", "fluent", "-m", "initial", "--output", output.path, "--url", empty.url.description])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 3, "one migration per table: \(r.stdout)")
        let first = try String(contentsOfFile: String(r.stdout.split(separator: "\n").last ?? ""), encoding: .utf8)
        #expect(first.contains("try await db.schema(\"fluent_tipos\")") && first.contains(".retortAutoincrementKey(\"id\""), "\(first)")

        try buildRunner()
        let databases = [try TestDatabase.make(.sqlite), try TestDatabase.make(.postgres)]
        for db in databases {
            try db.connect().close()
            try check(db, expecting: 1)  // the tables are missing: check is not vacuous
            r = try runProcess(runner, ["prepare", db.url.description])
            #expect(r.status == 0, "\(db.url.dialect): \(r.stdout)\(r.stderr)")
            try check(db)
            let c = try db.connect()
            try c.execute("INSERT INTO usuarios (id, nombre) VALUES (1, 'ana')")
            try c.execute("INSERT INTO fluent_tipos (codigo, entero) VALUES ('abc', 1)")
            c.close()
        }

        // A second change, emitted against the database Fluent migrated: a NOT NULL column with a
        // default (Fluent's builder), a wider varchar (a rebuild on SQLite), a dropped column.
        try Self.edit(models) {
            $0.replacingOccurrences(of: "Column(\"codigo\", .string(20))", with: "Column(\"codigo\", .string(30))\n        Column(\"nota\", .string(40), default: \"ninguna\")")
                .replacingOccurrences(of: "        Column(\"real\", .real, nullable: true)\n", with: "")
        }
        try ExamplePackages.build(tareas)
        r = try runProcess(tool, ["autogen", "--emit", "fluent", "-m", "nota", "--output", output.path, "--url", databases[0].url.description])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let list = try String(contentsOf: output.appendingPathComponent("RetortFluentMigrations.swift"), encoding: .utf8)
        #expect(list.components(separatedBy: "(),").count - 1 == 4, "\(list)")
        try buildRunner()
        for db in databases {
            try check(db, expecting: 1)
            r = try runProcess(runner, ["prepare", db.url.description])
            #expect(r.status == 0, "\(db.url.dialect): \(r.stdout)\(r.stderr)")
            try check(db)
        }
        // Rows survive the second migration (a table rebuild on SQLite) and get the new default.
        for db in databases {
            let c = try db.connect()
            #expect(try c.query("SELECT codigo, nota, pequeno FROM fluent_tipos").map { $0.map(\.string) } == [["abc", "ninguna", "3"]])
            #expect(try c.query("SELECT count(*) FROM _fluent_migrations").first?.first?.int == 4)
            c.close()
        }

        // Reverting everything leaves Fluent's table alone (and no enum type on PostgreSQL).
        for db in databases {
            r = try runProcess(runner, ["revert", db.url.description])
            #expect(r.status == 0, "\(db.url.dialect): \(r.stdout)\(r.stderr)")
            let c = try db.connect()
            let left = try c.dialect.implementation.introspect(c)
            c.close()
            #expect(left.tables.map(\.name) == ["_fluent_migrations"] && left.enums.isEmpty, "\(db.url.dialect): \(left.tables.map(\.name))")
        }
    }
}
