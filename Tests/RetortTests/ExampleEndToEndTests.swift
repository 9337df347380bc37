import Foundation
import Retort
import Testing

/// Builds a copy of `examples/tareas` as a user would, edits its models, autogenerates a
/// revision, rebuilds and applies it: the generated file must compile and run.
@Suite("End to end: the tareas example as a user's package", .serialized)
struct ExampleEndToEndTests {
    @Test("model change → autogen → build → upgrade → check, on SQLite and PostgreSQL")
    func autogenCompilesAndApplies() throws {
        let package = try ExamplePackages.prepareCopy()
        try ExamplePackages.build(package)
        let tool = package.appendingPathComponent(".build/debug/tareas").path
        let sqlite = try TestDatabase.make(.sqlite)
        let url = ["--url", sqlite.url.description]

        var r = try runProcess(tool, ["upgrade", "head"] + url)
        #expect(r.status == 0, "\(r.stderr)")
        r = try runProcess(tool, ["check"] + url)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")

        // The user edits a model: a new column.
        let models = package.appendingPathComponent("Sources/TareasSchema/Models.swift")
        let text = try String(contentsOf: models, encoding: .utf8).replacingOccurrences(
            of: "        Check(", with: "        Column(\"vence_en\", .date, nullable: true)\n        Check(")
        try text.write(to: models, atomically: true, encoding: .utf8)
        try ExamplePackages.build(package)

        r = try runProcess(tool, ["check"] + url)
        #expect(r.status == 11)  // the models moved ahead of the revisions
        #expect(r.stdout.contains("models vs database: add column tareas.vence_en date NULL"))

        r = try runProcess(tool, ["autogen", "-m", "añadir vence_en"] + url)
        #expect(r.status == 0, "\(r.stderr)")
        let file = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(file.hasSuffix("_anadir_vence_en.swift"))
        let source = try String(contentsOfFile: file, encoding: .utf8)
        #expect(source.contains(".addColumn(table: \"tareas\", column: Column(\"vence_en\", .date, nullable: true))"))
        #expect(!source.contains("\n    static let downgrade"))  // derived from the upgrade

        try ExamplePackages.build(package)
        r = try runProcess(tool, ["upgrade", "head"] + url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("añadir vence_en"))
        r = try runProcess(tool, ["check"] + url)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        r = try runProcess(tool, ["history"] + url)
        #expect(r.stdout.split(separator: "\n").count == 14)

        // Autogen with nothing to do writes nothing.
        r = try runProcess(tool, ["autogen", "-m", "nothing"] + url)
        #expect(r.status == 0 && r.stdout.isEmpty)

        // Downgrade reverts only the new column, after a backup of the database as it was.
        let backup = FileManager.default.temporaryDirectory.appendingPathComponent("retort-e2e-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: backup) }
        r = try runProcess(tool, ["downgrade", "-1", "--backup", backup] + url)
        #expect(r.status == 0 && r.stderr.contains("backup written to \(backup)"), "\(r.stderr)")
        let copy = try SQLiteConnection(path: backup)
        #expect(try copy.query("SELECT count(*) FROM pragma_table_info('tareas') WHERE name = 'vence_en'").first?.first?.int == 1)
        copy.close()
        r = try runProcess(tool, ["upgrade", "--backup", backup] + url)
        #expect(r.status == 3 && r.stderr.contains("exists already"), "\(r.stderr)")
        r = try runProcess(tool, ["check"] + url)
        #expect(r.status == 10)  // behind head

        // Lint: the pending revision (a nullable column) is safe; offline, the whole history as JSON.
        r = try runProcess(tool, ["lint"] + url)
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.contains("1 revision(s) linted for sqlite: 0 error(s)"), "\(r.stderr)")
        r = try runProcess(tool, ["lint", "--offline", "--format", "json"])
        #expect(try DriftTests.schema("lint").errors(in: r.stdout) == [], "\(r.stdout)")
        #expect(r.status == (r.stdout.contains("\"passed\" : true") ? 0 : 1), "\(r.stdout)")
        #expect(r.stdout.contains("\"dialect\" : \"postgres\""))

        // The same revisions on PostgreSQL.
        let pg = try TestDatabase.make(.postgres)
        r = try runProcess(tool, ["upgrade", "head", "--url", pg.url.description])
        #expect(r.status == 0, "\(r.stderr)")
        r = try runProcess(tool, ["check", "--url", pg.url.description])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        // The revisions' own rows would go with their tables: named and refused, then acknowledged.
        r = try runProcess(tool, ["downgrade", "base", "--url", pg.url.description])
        #expect(r.status == 6 && r.stderr.contains("would delete data: ") && r.stderr.contains("--accept-data-loss"), "\(r.stderr)")
        #expect(try userTables(try pg.connect()).contains("tareas"))
        r = try runProcess(tool, ["downgrade", "base", "--accept-data-loss", "--url", pg.url.description])
        #expect(r.status == 0, "\(r.stderr)")
        for verifyURL in [pg.url.description, sqlite.url.description] {
            r = try runProcess(tool, ["verify", "--url", verifyURL])
            #expect(r.status == 0 && r.stderr.contains("ok: 14 revision(s) verified"), "\(r.stdout)\(r.stderr)")
        }

        // Bad input: one line on stderr, a non-zero exit, no password.
        guard case .postgres(let server) = pg.url else { return }
        let missing = DatabaseURL.postgres(server.replacingDatabase(with: "no_such_database")).description
        for (args, status) in [
            (["current", "--url", missing], 3),
            (["current", "--url", "mysql://x"], 2), (["upgrade", "nope"] + url, 2), (["upgrade", "r"] + url, 2),
            (["current", "--url", "postgres://u:s3cret@127.0.0.1:1/x"], 3), (["downgrade"] + url, 2),
        ] as [([String], Int32)] {
            r = try runProcess(tool, args)
            #expect(r.status == status, "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.hasPrefix("error: "))
            #expect(!r.stderr.contains("s3cret"))
        }
    }

    @Test("the ai_training example: per-table chain and split history apply and check clean", arguments: allDialects)
    func aiTraining(dialect: DialectName) throws {
        let package = try ExamplePackages.prepareCopy("ai_training")
        try ExamplePackages.build(package)
        let tool = package.appendingPathComponent(".build/debug/ai_training").path
        let db = try TestDatabase.make(dialect)
        let url = ["--url", db.url.description]
        var r = try runProcess(tool, ["history", "--offline"])
        #expect(r.stdout.contains("ai training tables: create conversaciones_ai"))
        #expect(r.stdout.contains("impago por cuotas: create modelos_impago_cuotas"))
        r = try runProcess(tool, ["upgrade", "head"] + url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 7)
        r = try runProcess(tool, ["check"] + url)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        r = try runProcess(tool, ["downgrade", "-1"] + url)
        #expect(r.stderr.contains("reverted") && r.stderr.contains("modelos_impago_cuotas"))
        r = try runProcess(tool, ["downgrade", "base"] + url)
        #expect(r.status == 0, "\(r.stderr)")
        // The whole history, verified on a scratch database of the dialect.
        r = try runProcess(tool, ["verify"] + url)
        #expect(r.status == 0 && r.stderr.contains("ok: 7 revision(s) verified on \(dialect.rawValue)"), "\(r.stdout)\(r.stderr)")
    }

}
