import Foundation
import Retort
import Testing

/// Builds a copy of `examples/tareas` as a user would, edits its models, autogenerates a
/// revision, rebuilds and applies it: the generated file must compile and run.
@Suite("End to end: the tareas example as a user's package", .serialized)
struct ExampleEndToEndTests {
    /// A copy of the example outside the checkout (its build folder is kept between runs).
    static func prepareCopy(_ example: String = "tareas", as copy: String? = nil) throws -> URL {
        let work = repositoryRoot.appendingPathComponent(".build-e2e/\(copy ?? example)")
        let fm = FileManager.default
        try? fm.removeItem(at: work.appendingPathComponent("Sources"))
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        try? fm.removeItem(at: work.appendingPathComponent("Package.swift"))
        let example = repositoryRoot.appendingPathComponent("examples/\(example)")
        try fm.copyItem(at: example.appendingPathComponent("Sources"), to: work.appendingPathComponent("Sources"))
        let manifest = try String(contentsOf: example.appendingPathComponent("Package.swift"), encoding: .utf8)
            .replacingOccurrences(of: "path: \"../..\"", with: "path: \"\(repositoryRoot.path)\"")
        try manifest.write(to: work.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try? fm.removeItem(at: work.appendingPathComponent(".retort"))
        // SwiftPM may keep a stale build plan when the Retort dependency gains a file.
        try? fm.removeItem(at: work.appendingPathComponent(".build/debug.yaml"))
        return work
    }

    /// One build folder for every package the tests build: Retort and the packages the examples
    /// share are compiled once per run instead of once per package (a package switched in
    /// rebuilds only its own targets).
    static let sharedScratch = repositoryRoot.appendingPathComponent(".build-examples")
    private static let buildLock = NSLock()

    /// Builds a package (or one product of it) in the shared folder and copies its executables to
    /// the package's own `.build/debug/`, where the tests run them: the next package built may
    /// link an executable of the same name there. One build at a time.
    static func build(_ package: URL, product: String? = nil) throws {
        try exclusively { try buildUnlocked(package, product: product) }
    }

    private static let pristineLock = NSLock()
    nonisolated(unsafe) private static var pristine: String?

    /// The tareas migrate tool built from a copy of the example as committed, once per run, for
    /// tests that only run it.
    static func pristineTareasTool() throws -> String {
        pristineLock.lock()
        defer { pristineLock.unlock() }
        if let pristine { return pristine }
        let package = try prepareCopy("tareas", as: "tareas-pristine")
        try build(package)
        let tool = package.appendingPathComponent(".build/debug/tareas").path
        pristine = tool
        return tool
    }

    /// Runs `body` while no other test builds in the shared folder.
    static func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        buildLock.lock()
        defer { buildLock.unlock() }
        return try body()
    }

    private static func buildUnlocked(_ package: URL, product: String?) throws {
        let fm = FileManager.default
        // SwiftPM may keep a stale build plan when the Retort dependency gains a file.
        try? fm.removeItem(at: sharedScratch.appendingPathComponent("debug.yaml"))
        let result = try runProcess(
            swiftExecutable,
            ["build", "--package-path", package.path, "--scratch-path", sharedScratch.path] + (product.map { ["--product", $0] } ?? []))
        #expect(result.status == 0, "swift build failed:\n\(result.stdout)\n\(result.stderr)")
        if result.status != 0 { throw DatabaseError("build failed") }
        let manifest = try String(contentsOf: package.appendingPathComponent("Package.swift"), encoding: .utf8)
        let names = product.map { [$0] } ?? executables(in: manifest)
        let destination = package.appendingPathComponent(".build/debug")
        try fm.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in names {
            let built = sharedScratch.appendingPathComponent("debug/\(name)")
            guard fm.fileExists(atPath: built.path) else { continue }
            let copy = destination.appendingPathComponent(name)
            try? fm.removeItem(at: copy)
            try fm.copyItem(at: built, to: copy)
        }
    }

    /// The executables a manifest declares (products and executable targets).
    static func executables(in manifest: String) -> [String] {
        let pattern = #"\.(executable|executableTarget)\(\s*name:\s*"([^"]+)""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(manifest.startIndex..., in: manifest)
        return regex.matches(in: manifest, range: range).compactMap { m in Range(m.range(at: 2), in: manifest).map { String(manifest[$0]) } }
    }

    @Test("model change → autogen → build → upgrade → check, on SQLite and PostgreSQL")
    func autogenCompilesAndApplies() throws {
        let package = try Self.prepareCopy()
        try Self.build(package)
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
        try Self.build(package)

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

        try Self.build(package)
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
        let package = try Self.prepareCopy("ai_training")
        try Self.build(package)
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
