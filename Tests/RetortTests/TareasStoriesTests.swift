import Foundation
import Retort
import Testing

/// The stories the tareas example's committed history tells on real databases, run by its migrate
/// tool built once from an untouched copy (`ExamplePackages.pristineTareasTool`): the tests
/// change no files, so they run side by side.
@Suite("End to end: the tareas migrate tool as committed, under load and concurrency")
struct TareasStoriesTests {
    @Test("eight processes upgrading one fresh database at once (a concurrent index build among the revisions) apply every revision exactly once", arguments: allDialects)
    func concurrentUpgrades(dialect: DialectName) throws {
        let tool = try ExamplePackages.pristineTareasTool()
        let db = try TestDatabase.make(dialect)
        let processes = try (0..<8).map { _ in try RunningProcess(tool, ["upgrade", "head", "--url", db.url.description]) }
        let results = try processes.map { try $0.finish() }
        for r in results { #expect(r.status == 0, "\(r.stderr)") }
        let applied = results.flatMap { $0.stderr.split(separator: "\n").filter { $0.hasPrefix("applied ") } }
        #expect(applied.count == 13, "\(applied)")
        #expect(Set(applied).count == 13)
        let heads = try runProcess(tool, ["current", "--url", db.url.description])
        #expect(heads.stdout.contains("(head)"))
        let conn = try db.connect()
        defer { conn.close() }
        #expect(try conn.query("SELECT count(*) FROM retort_version").first?.first?.int == 1)
    }

    // The crash test of non-transactional revisions lives here, on the example as committed.
    @Test("killed with SIGKILL at least 20 times during a concurrent index build and a batched backfill on 300,000 rows, upgrade head still completes cleanly")
    func killNine() throws {
        let tool = try ExamplePackages.pristineTareasTool()
        let test = try TestDatabase.make(.postgres)
        let url = ["--url", test.url.description]
        #expect(try runProcess(tool, ["upgrade", "r20261122_153626_01"] + url).status == 0)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript(
            "INSERT INTO tareas (nombre, prioridad) SELECT 'tarea ' || g, 1 + g % 5 FROM generate_series(1, 300000) g; ANALYZE tareas")
        func invalidIndexes() throws -> Int64 { try db.query("SELECT count(*) FROM pg_index WHERE NOT indisvalid").first?.first?.int ?? -1 }
        // How long a whole run takes here, so the kills land inside one.
        let began = Date()
        #expect(try runProcess(tool, ["upgrade", "head"] + url).status == 0)
        let full = Date().timeIntervalSince(began)
        #expect(try runProcess(tool, ["downgrade", "r20261122_153626_01", "--accept-data-loss"] + url).status == 0)
        var generator = SystemRandomNumberGenerator()
        var leftInvalid = 0, interrupted = 0
        // At least 20 kills, and more (up to 60) until at least 3 of them stopped a run part-way.
        var kill = 0
        while kill < 20 || (interrupted < 3 && kill < 60) {
            kill += 1
            let running = try RunningProcess(tool, ["upgrade", "head"] + url)
            usleep(UInt32(Double.random(in: 0.1...0.95, using: &generator) * full * 1_000_000))
            Foundation.kill(running.process.processIdentifier, SIGKILL)
            _ = try running.finish()
            // A kill during the build leaves an INVALID index (once the server notices the client is gone).
            usleep(50_000)
            if try invalidIndexes() > 0 { leftInvalid += 1 }
            if try !runProcess(tool, ["current"] + url).stdout.contains("(head)") { interrupted += 1 }
            guard kill % 5 == 0 else { continue }
            // Every fifth kill: let a run finish, then take the index away again for the next kills.
            let done = try runProcess(tool, ["upgrade", "head"] + url)
            #expect(done.status == 0, "\(done.stderr)")
            #expect(try invalidIndexes() == 0)
            #expect(try runProcess(tool, ["check"] + url).status == 0)
            #expect(try runProcess(tool, ["downgrade", "r20261122_153626_01", "--accept-data-loss"] + url).status == 0)
        }
        #expect(try runProcess(tool, ["upgrade", "head"] + url).status == 0)
        #expect(try runProcess(tool, ["check"] + url).status == 0)
        #expect(try invalidIndexes() == 0)
        #expect(try db.query("SELECT count(*) FROM retort_progress").first?.first?.int == 0)
        print("kill -9 test: a run takes \(Int(full * 1000)) ms; \(interrupted) of \(kill) kills stopped it before head, \(leftInvalid) left an INVALID index")
        #expect(interrupted >= 3)
    }

    @Test("the safe-migration stories on 100,000 rows: a concurrent index, categoria in three steps, completada becomes estado, usuario_id NOT NULL with its key NOT VALID then validated; applied and reverted", arguments: allDialects)
    func safeStories(dialect: DialectName) throws {
        let tool = try ExamplePackages.pristineTareasTool()
        let test = try TestDatabase.make(dialect)
        let url = ["--url", test.url.description]
        let before = "r20261122_153626_01"
        #expect(try runProcess(tool, ["upgrade", before] + url).status == 0)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript(
            dialect == .postgres
                ? "INSERT INTO tareas (nombre, completada) SELECT 'tarea ' || g, g % 3 = 0 FROM generate_series(1, 100000) g; ANALYZE tareas"
                : """
                WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 100000)
                INSERT INTO tareas (nombre, completada) SELECT 'tarea ' || i, i % 3 = 0 FROM g
                """)
        func count(_ sql: String) throws -> Int64 { try db.query(sql).first?.first?.int ?? -1 }
        let done = try count("SELECT count(*) FROM tareas WHERE completada")
        #expect(done == 33_333)

        var r = try runProcess(tool, ["upgrade", "head"] + url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("update tareas: 100000 of 100000 row(s)"))
        #expect(try runProcess(tool, ["check"] + url).status == 0)
        #expect(try count("SELECT count(*) FROM tareas WHERE estado = 'hecha'") == done)
        #expect(try count("SELECT count(*) FROM tareas WHERE categoria = 'General'") == 100_000)
        #expect(try count("SELECT count(*) FROM tareas WHERE usuario_id = 1") == 100_000)
        #expect(try count("SELECT count(*) FROM tareas WHERE prioridad = 'media'") == 100_000)  // 3 before

        r = try runProcess(tool, ["downgrade", before] + url)
        #expect(r.status == 6 && r.stderr.contains("column tareas.categoria (100000 rows)"), "\(r.stderr)")
        r = try runProcess(tool, ["downgrade", before, "--accept-data-loss"] + url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try count("SELECT count(*) FROM tareas WHERE completada") == done)
        #expect(try count("SELECT count(*) FROM tareas") == 100_000)
        #expect(try count("SELECT count(*) FROM tareas WHERE prioridad = 3") == 100_000)
        #expect(try runProcess(tool, ["check"] + url).status == 10)  // behind head, nothing else
    }
}
