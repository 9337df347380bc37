import Foundation
import Retort
import Testing

/// `reflect`: models read from a live database, compiled into a package, must diff to nothing
/// against the database they came from — for every schema of the convergence corpus on both
/// dialects (one build for all of them).
@Suite("reflect: models from a database diff to nothing against it", .serialized)
struct ReflectTests {
    @Test("every corpus schema (after.sql) on PostgreSQL and SQLite round-trips through compiled models")
    func corpusRoundTrip() throws {
        let tool = try RetortTool.path()
        var databases: [String: TestDatabase] = [:]
        var sources: [String: String] = [:]
        for dialect in allDialects {
            for name in Corpus.cases(dialect) {
                let key = "\(dialect.rawValue)_\(name)"
                let db = try TestDatabase.make(dialect, isolation: Corpus.isolation(dialect, name))
                do {
                    let c = try db.connect()
                    defer { c.close() }
                    try c.executeScript(try Corpus.fixture(dialect, name, "after"))
                }
                let r = try runProcess(tool, ["reflect", "--url", db.url.description, "--variable", "s_\(key)"])
                try #require(r.status == 0, "\(key): reflect failed: \(r.stderr)")
                databases[key] = db
                sources[key] = r.stdout
            }
        }
        let schemas = try Self.compile(sources, package: "reflect")
        var failures: [String] = []
        for (key, db) in databases.sorted(by: { $0.key < $1.key }) {
            guard let models = schemas[key] else {
                failures.append("\(key): missing from the compiled output")
                continue
            }
            let c = try db.connect()
            defer { c.close() }
            let left = try Autogenerator(models: models, graph: RevisionGraph([])).differences(c)
            if !left.isEmpty { failures.append("\(key): \(left.map(\.summary).joined(separator: "; "))\n\(sources[key]!)") }
        }
        #expect(failures.isEmpty, "\(failures.count) schema(s) do not round-trip:\n\(failures.joined(separator: "\n"))")
        #expect(databases.count >= 200)
    }

    @Test("both examples' models, applied to a database, reflect into models that diff to nothing", arguments: allDialects)
    func examplesRoundTrip(dialect: DialectName) throws {
        // The examples' own model files, compiled as they are, give their schemas at head.
        var models: [String: String] = [:]
        for (example, file, constant) in [
            ("tareas", "Sources/TareasSchema/Models.swift", "tareasSchema"), ("ai_training", "Sources/ai_training/Models.swift", "aiTrainingSchema"),
        ] {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/\(example)/\(file)"), encoding: .utf8)
            models["example_\(example)"] = text + "\nlet s_example_\(example) = \(constant)\n"
        }
        let schemas = try Self.compile(models, package: "reflect")
        var reflected: [String: String] = [:]
        var databases: [String: TestDatabase] = [:]
        for (key, schema) in schemas {
            let db = try TestDatabase.make(dialect)
            let c = try db.connect()
            try FidelityTests.apply(schema, to: c)
            c.close()
            let r = try runProcess(try RetortTool.path(), ["reflect", "--url", db.url.description, "--variable", "s_reflected_\(key)"])
            try #require(r.status == 0, "\(key): \(r.stderr)")
            reflected["reflected_\(key)"] = r.stdout
            databases[key] = db
        }
        let back = try Self.compile(reflected, package: "reflect")
        for (key, db) in databases {
            let c = try db.connect()
            defer { c.close() }
            let left = try Autogenerator(models: try #require(back["reflected_\(key)"]), graph: RevisionGraph([])).differences(c)
            #expect(left.isEmpty, "\(key): \(left.map(\.summary))\n\(reflected["reflected_\(key)"]!)")
        }
        #expect(databases.count == 2)
    }

    /// Builds a package holding every source (each declaring `let s_<key> = Schema { … }`) and a main
    /// that prints them all as JSON; returns them by key.
    static func compile(_ sources: [String: String], package name: String) throws -> [String: Schema] {
        let work = repositoryRoot.appendingPathComponent(".build-e2e/\(name)")
        let fm = FileManager.default
        let folder = work.appendingPathComponent("Sources/models")
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        // swift-tools-version: 6.1
        import PackageDescription
        let package = Package(
            name: "\(name)",
            platforms: [.macOS(.v13)],
            dependencies: [.package(name: "retort", path: "\(repositoryRoot.path)")],
            targets: [.executableTarget(name: "models", dependencies: [.product(name: "Retort", package: "retort")])]
        )
        """.write(to: work.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        var entries: [String] = []
        for (key, text) in sources {
            try text.write(to: folder.appendingPathComponent("\(key).swift"), atomically: true, encoding: .utf8)
            entries.append("    \"\(key)\": s_\(key),")
        }
        try """
        import Foundation
        import Retort
        let all: [String: Schema] = [
        \(entries.sorted().joined(separator: "\n"))
        ]
        let encoder = JSONEncoder()
        print(String(decoding: try encoder.encode(all), as: UTF8.self))
        """.write(to: folder.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        try? fm.removeItem(at: work.appendingPathComponent(".build/debug.yaml"))
        try ExamplePackages.build(work)
        let run = try runProcess(work.appendingPathComponent(".build/debug/models").path, [])
        try #require(run.status == 0, "the models tool failed: \(run.stderr)")
        return try JSONDecoder().decode([String: Schema].self, from: Data(run.stdout.utf8))
    }
}
