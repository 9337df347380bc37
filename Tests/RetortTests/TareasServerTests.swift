import Foundation
import Retort
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// examples/tareas-server: a Hummingbird service that migrates at start-up with the revisions it
/// shares with the `tareas` migrate tool. Built once (a copy of both example packages); three
/// instances started at once on one PostgreSQL database all serve after the schema is at head, each
/// revision applied once; with a failing revision every instance exits non-zero without serving.
/// The same package holds the Fluent migrations `autogen --emit fluent` writes (FluentEmitTests),
/// so its tests run one after the other on one copy and SwiftNIO builds once.
@Suite("End to end: the tareas-server package (start-up migration, Fluent migrations)", .serialized)
struct TareasServerTests {
    /// Copies of examples/tareas and examples/tareas-server side by side (so `../tareas` resolves),
    /// Retort's path made absolute.
    static func prepare() throws -> (server: URL, schema: URL) {
        let schema = try ExamplePackages.prepareCopy("tareas", as: "server-example/tareas")
        let server = try ExamplePackages.prepareCopy("tareas-server", as: "server-example/tareas-server")
        return (server, schema.appendingPathComponent("Sources/TareasSchema"))
    }

    /// GET on localhost; the status, or nil when nothing answers.
    static func get(_ port: Int, _ path: String) -> (Int, String)? {
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, String)?
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.timeoutInterval = 2
        URLSession.shared.dataTask(with: request) { data, response, _ in
            if let http = response as? HTTPURLResponse { result = (http.statusCode, String(decoding: data ?? Data(), as: UTF8.self)) }
            semaphore.signal()
        }.resume()
        semaphore.wait()
        return result
    }

    static func start(_ executable: String, port: Int, database: TestDatabase) throws -> (Process, URL) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tareas-server-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.environment = ProcessInfo.processInfo.environment.merging(["DATABASE_URL": database.url.description, "PORT": String(port)]) { _, b in b }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return (process, log)
    }

    @Test("three instances at once: each revision applied once, all serve /health and /tareas; a failing revision: all exit non-zero, none serves")
    func threeInstances() throws {
        let (server, schema) = try Self.prepare()
        try ExamplePackages.build(server)
        let executable = server.appendingPathComponent(".build/debug/tareas-server").path
        let revisionCount = try FileManager.default.contentsOfDirectory(atPath: schema.appendingPathComponent("Revisions").path)
            .filter { $0.hasSuffix(".swift") }.count

        let db = try TestDatabase.make(.postgres)
        let ports = (0..<3).map { 18_500 + Int.random(in: 0..<400) * 3 + $0 }
        let instances = try ports.map { try Self.start(executable, port: $0, database: db) }
        defer { instances.forEach { if $0.0.isRunning { $0.0.terminate() } } }
        let deadline = Date().addingTimeInterval(90)
        var healthy = Set<Int>()
        while healthy.count < 3, Date() < deadline, instances.allSatisfy({ $0.0.isRunning }) {
            for port in ports where !healthy.contains(port) {
                if let (status, body) = Self.get(port, "/health"), status == 200, body == "ok" { healthy.insert(port) }
            }
            if healthy.count < 3 { Thread.sleep(forTimeInterval: 0.2) }
        }
        let logs = try instances.map { try String(contentsOf: $0.1, encoding: .utf8) }
        #expect(healthy.count == 3, "instances serving: \(healthy.count)\n\(logs.joined(separator: "\n---\n"))")
        // Every revision was applied exactly once across the three, and the database is at head.
        let applied = logs.map { $0.components(separatedBy: "applied r").count - 1 }.reduce(0, +)
        #expect(applied == revisionCount, "\(logs.joined(separator: "\n---\n"))")
        let c = try db.connect()
        #expect(try c.query("SELECT count(*) FROM retort_version").first?.first?.int == 1)
        try c.execute("INSERT INTO tareas (nombre, categoria, usuario_id) VALUES ('probar', 'General', 1)")
        c.close()
        let list = Self.get(ports[0], "/tareas")
        #expect(list?.0 == 200 && list?.1.contains("\"nombre\":\"probar\"") == true && list?.1.contains("\"estado\":\"pendiente\"") == true,
                "\(String(describing: list))")
        instances.forEach { $0.0.terminate() }
        instances.forEach { $0.0.waitUntilExit() }

        // A revision that fails: no instance may serve.
        let head = try #require(try String(contentsOf: schema.appendingPathComponent("Revisions").appendingPathComponent(
            try FileManager.default.contentsOfDirectory(atPath: schema.appendingPathComponent("Revisions").path).sorted().last!),
            encoding: .utf8).components(separatedBy: "static let id = \"").dropFirst().first?.prefix { $0 != "\"" })
        try """
        import Retort

        enum r29991231_000000_01_fails: Revision {
            static let id = "r29991231_000000_01"
            static let parents: [String] = ["\(head)"]
            static let message = "a step that fails"
            static let createdAt = "2999-12-31T00:00:00Z"
            static let upgrade: [MigrationOperation] = [.execute(RawSQL("SELECT 1 / 0", reverse: RawSQL("SELECT 1")))]
        }
        """.write(to: schema.appendingPathComponent("Revisions/r29991231_000000_01_fails.swift"), atomically: true, encoding: .utf8)
        try ExamplePackages.build(server)
        let fresh = try TestDatabase.make(.postgres)
        let failing = try ports.map { try Self.start(executable, port: $0 + 1, database: fresh) }
        var served = false
        let end = Date().addingTimeInterval(90)
        while failing.contains(where: { $0.0.isRunning }), Date() < end {
            for port in ports where Self.get(port + 1, "/health") != nil { served = true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        failing.forEach { if $0.0.isRunning { $0.0.terminate() } }
        failing.forEach { $0.0.waitUntilExit() }
        #expect(!served)
        for (process, log) in failing {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus != 0 && text.contains("not serving"), "\(process.terminationStatus): \(text)")
        }
    }
}
