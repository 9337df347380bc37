import Foundation
@testable import Retort
import RetortCLI
import Testing

/// Fleets end to end, through a migrate tool run as a process (`Tests/FleetFixture`: four
/// revisions, each inserting a marker row; the third builds an index concurrently, the fourth a
/// unique index): three PostgreSQL servers on loopback ports and SQLite files in one targets file,
/// and the orchestrating process killed with SIGKILL mid-rollout.
@Suite("Fleets end to end: three servers and SQLite files in one targets file; kill -9 and two orchestrators")
struct FleetEndToEndTests {
    static let revisions = ["f1", "f2", "f3", "f4"]

    /// A target's marker rows, in order (none when the table is not there).
    static func markers(_ target: FleetTarget) throws -> [String] {
        let db = try target.connect(create: false)
        defer { db.close() }
        guard try db.dialect.implementation.hasTable("markers", in: db) else { return [] }
        return try db.query("SELECT revision FROM markers ORDER BY revision").compactMap { $0.first?.string }
    }

    /// The fleet report a `--format json` run printed.
    struct Report: Decodable {
        var succeeded: Bool
        var stoppedEarly: String?
        var targets: [Target]
        struct Target: Decodable {
            var target: String
            var status: String
            var to: [String]
            var findings: [String]?
        }
    }

    static func report(_ result: ProcessResult) throws -> Report {
        try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }

    @Test("200 schemas, 50 databases and 5 databases on three servers with 20 SQLite files: upgrade, a failing tenant stops the rollout at whole revisions, the rerun finishes, check finds drift grouped, downgrade")
    func threeServers() throws {
        let tool = try RetortTool.fleetFixture()
        let servers = try (0..<3).map { _ in try ThrowawayServer() }
        var entries: [[String: String]] = []
        do {
            let admin = try servers[0].url.connect(create: false)
            defer { admin.close() }
            try admin.execute("CREATE DATABASE tenants")
            let db = try servers[0].database("tenants").connect(create: false)
            defer { db.close() }
            try db.executeScript("DO $$ BEGIN FOR i IN 1..200 LOOP EXECUTE format('CREATE SCHEMA tenant_%s', lpad(i::text, 3, '0')); END LOOP; END $$")
            entries += (1...200).map { ["url": servers[0].database("tenants").description, "schema": String(format: "tenant_%03d", $0), "name": String(format: "schema-%03d", $0), "group": "schemas"] }
        }
        for (server, count, prefix) in [(servers[1], 50, "t"), (servers[2], 5, "plain")] {
            let admin = try server.url.connect(create: false)
            defer { admin.close() }
            for i in 1...count {
                let name = String(format: "\(prefix)%02d", i)
                try admin.execute("CREATE DATABASE \(name)")
                entries.append(["url": server.database(name).description, "name": name, "group": prefix])
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retort-fleet-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for i in 1...20 { FileManager.default.createFile(atPath: folder.appendingPathComponent(String(format: "user%02d.db", i)).path, contents: nil) }
        entries.append(["url": "sqlite:///\(folder.path)/*.db", "name": "files", "group": "sqlite"])
        let file = folder.appendingPathComponent("targets.json")
        try JSONSerialization.data(withJSONObject: entries).write(to: file)
        let targets = try FleetTargets.file(file.path)
        #expect(targets.count == 275)
        let fleet = ["--targets", file.path, "--parallel", "8", "--max-connections-per-server", "6"]

        var run = try runProcess(tool, ["upgrade", "f3"] + fleet)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        // One tenant cannot take f4's unique index.
        let failing = targets.first { $0.schema == "tenant_137" }!
        do {
            let db = try failing.connect()
            defer { db.close() }
            try db.executeScript("INSERT INTO items (id, code) VALUES (1, 'same'), (2, 'same')")
        }
        run = try runProcess(tool, ["upgrade", "head", "--format", "json"] + fleet)
        #expect(run.status == ExitStatus.fleetStopped, "\(run.stderr.suffix(2000))")
        let stopped = try Self.report(run)
        #expect(stopped.stoppedEarly != nil && !stopped.succeeded)
        let byName = Dictionary(uniqueKeysWithValues: stopped.targets.map { ($0.target, $0) })
        #expect(byName["schema-137"]?.status == "failed" && byName["schema-137"]?.to == ["f3"])
        #expect(stopped.targets.filter { $0.status == "failed" }.count == 1)
        #expect(stopped.targets.contains { $0.status == "not-started" })
        // Every target is at a whole revision, and its markers are exactly the revisions it is at
        // (one the rollout did not start is where it was, at f3).
        for (target, record) in zip(targets, stopped.targets) {
            #expect(record.target == target.name)
            let at = record.status == "not-started" ? "f3" : record.to.first ?? "base"
            #expect(record.status != "done" || at == "f4", "\(record.target)")
            #expect(try Self.markers(target) == Array(Self.revisions.prefix { $0 <= at }), "\(target.name) at \(at)")
        }
        do {
            let db = try failing.connect()
            defer { db.close() }
            try db.executeScript("DELETE FROM items WHERE id = 2")
        }
        run = try runProcess(tool, ["upgrade", "head", "--format", "json"] + fleet)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        #expect(try Self.report(run).targets.allSatisfy { $0.to == ["f4"] && ["done", "unchanged"].contains($0.status) })
        for target in targets { #expect(try Self.markers(target) == Self.revisions, "\(target.name)") }

        run = try runProcess(tool, ["check"] + fleet)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr.suffix(2000))")
        // Drift: the same index by hand on a tenant schema and a tenant database; an index gone from a file.
        for (target, sql) in [
            (targets.first { $0.schema == "tenant_050" }!, "CREATE INDEX ix_legacy ON items (code)"),
            (targets.first { $0.name == "t07" }!, "CREATE INDEX ix_legacy ON items (code)"),
            (targets.first { $0.name == "files/user03.db" }!, "DROP INDEX ix_items_note"),
        ] {
            let db = try target.connect()
            defer { db.close() }
            try db.executeScript(sql)
        }
        run = try runProcess(tool, ["check"] + fleet)
        #expect(run.status == ExitStatus.differences, "\(run.stdout)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "3 of 275 targets differ:", "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  2 × ") && $0.contains("ix_legacy") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  1 × ") && $0.contains("ix_items_note") }, "\(lines)")

        run = try runProcess(tool, ["downgrade", "f3", "--format", "json"] + fleet)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        #expect(try Self.report(run).targets.allSatisfy { $0.to == ["f3"] })
        for target in targets { #expect(try Self.markers(target) == ["f1", "f2", "f3"], "\(target.name)") }
    }

    @Test("the orchestrating process killed with SIGKILL at 20 random moments, then rerun: every target at head with each revision applied once, no INVALID index, no lock left; two orchestrators at once apply each revision once")
    func killNine() throws {
        let tool = try RetortTool.fleetFixture()
        let pg = try TestDatabase.make(.postgres)
        let schemas = try FleetTests.tenantSchemas(pg, count: 16)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retort-fleet-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for i in 1...6 { FileManager.default.createFile(atPath: folder.appendingPathComponent("user\(i).db").path, contents: nil) }
        var lines = schemas.map { "{\"url\": \"\(pg.url.description)\", \"schema\": \"\($0.schema!)\"}" }
        lines.append("{\"url\": \"sqlite:///\(folder.path)/*.db\", \"name\": \"files\"}")
        let file = folder.appendingPathComponent("targets.json")
        try ("[" + lines.joined(separator: ",\n") + "]").write(to: file, atomically: true, encoding: .utf8)
        let targets = try FleetTargets.file(file.path)
        let fleet = ["--targets", file.path, "--parallel", "6"]
        // Each PostgreSQL revision pauses a little, so the kills land inside the rollout.
        let slow = ["PGOPTIONS": "-c retort_fixture.pause=0.04"]
        let db = try pg.connect()
        defer { db.close() }
        func invalidIndexes() throws -> Int64 { try db.query("SELECT count(*) FROM pg_index WHERE NOT indisvalid").first?.first?.int ?? -1 }
        // Locks of this fleet's database only: the suites beside this one migrate on the same server.
        func advisoryLocks() throws -> Int64 {
            try db.query("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """).first?.first?.int ?? -1
        }
        func everyTargetAtHeadOnce() throws {
            for target in targets { #expect(try Self.markers(target) == Self.revisions, "\(target.name)") }
            #expect(try invalidIndexes() == 0)
            #expect(try advisoryLocks() == 0)
            let progress = try db.query("SELECT count(*) FROM pg_tables WHERE tablename = 'retort_progress'").first?.first?.int ?? 0
            if progress > 0 {
                for target in targets where target.schema != nil {
                    let t = try target.connect()
                    defer { t.close() }
                    if try t.dialect.implementation.hasTable("retort_progress", in: t) {
                        #expect(try t.query("SELECT count(*) FROM retort_progress").first?.first?.int == 0, "\(target.name)")
                    }
                }
            }
        }
        let began = Date()
        var run = try runProcess(tool, ["upgrade", "head"] + fleet, environment: slow)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let full = Date().timeIntervalSince(began)
        try everyTargetAtHeadOnce()
        run = try runProcess(tool, ["downgrade", "base", "--accept-data-loss"] + fleet)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")

        var generator = SystemRandomNumberGenerator()
        var partial = 0
        // At least 20 kills, and more (up to 60) until at least 5 left the fleet part-way: under
        // load a rollout may take longer or shorter than the one timed above.
        var kill = 0
        while kill < 20 || (partial < 5 && kill < 60) {
            kill += 1
            let running = try RunningProcess(tool, ["upgrade", "head"] + fleet, environment: slow)
            usleep(UInt32(Double.random(in: 0.05...0.9, using: &generator) * full * 1_000_000))
            Foundation.kill(running.process.processIdentifier, SIGKILL)
            _ = try running.finish()
            // The killed sessions end once the server notices (a pause ends, a write fails).
            var waited = 0
            while try advisoryLocks() > 0, waited < 100 {
                usleep(50_000)
                waited += 1
            }
            #expect(try advisoryLocks() == 0, "kill \(kill): a migration lock outlived its process")
            if try targets.contains(where: { try Self.markers($0) != Self.revisions }) { partial += 1 }
            guard kill % 5 == 0 else { continue }
            // Every fifth kill: the rerun finishes, then the fleet goes back to base for the next kills.
            run = try runProcess(tool, ["upgrade", "head"] + fleet)
            #expect(run.status == 0, "\(run.stderr.suffix(2000))")
            try everyTargetAtHeadOnce()
            run = try runProcess(tool, ["downgrade", "base", "--accept-data-loss"] + fleet)
            #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        }
        run = try runProcess(tool, ["upgrade", "head"] + fleet)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        try everyTargetAtHeadOnce()
        print("fleet kill -9: a rollout of \(targets.count) targets takes \(Int(full * 1000)) ms; \(partial) of \(kill) kills left it part-way")
        #expect(partial >= 5)

        // Two orchestrators start the same rollout at once: each target's lock decides, each revision runs once.
        run = try runProcess(tool, ["downgrade", "base", "--accept-data-loss"] + fleet)
        #expect(run.status == 0)
        let both = try (0..<2).map { _ in try RunningProcess(tool, ["upgrade", "head", "--format", "json"] + fleet, environment: slow) }
        let results = try both.map { try $0.finish() }
        for r in results { #expect(r.status == 0, "\(r.stderr.suffix(2000))") }
        try everyTargetAtHeadOnce()
        let applied = try results.flatMap { try Self.report($0).targets.filter { $0.status == "done" }.map(\.target) }
        #expect(applied.count == targets.count, "each target applied by exactly one orchestrator: \(applied.count) of \(targets.count)")
    }
}
