import Foundation
import Retort
@testable import RetortCLI
import Testing

/// One history over many targets: schemas of one PostgreSQL database and SQLite files, with
/// bounded parallelism, a stop after failures, and reruns that retry only what is left.
@Suite("Fleets: one history applied to schemas and files, stopped by failures, resumed by reruns")
struct FleetTests {
    static func revision(_ id: String, _ parent: String?, _ ops: [MigrationOperation]) -> RevisionInfo {
        RevisionInfo(id: id, parents: parent.map { [$0] } ?? [], message: id, createdAt: "2026-12-07T00:00:00Z", upgrade: ops)
    }

    /// r1 creates `items`; r2 adds a column; r3 a unique index on it (fails where rows collide);
    /// every revision inserts a marker row, so a revision applied twice would show.
    static func history(sleep: Double = 0) -> [RevisionInfo] {
        let marker = { (id: String) in MigrationOperation.execute(RawSQL("INSERT INTO markers (revision) VALUES ('\(id)')", reverse: RawSQL("DELETE FROM markers WHERE revision = '\(id)'"))) }
        var r1: [MigrationOperation] = [
            .createTable(Table(name: "markers", columns: [Column("revision", .string(40))])),
            .createTable(Table(name: "items", columns: [Column("id", .integer), Column("code", .string(20), nullable: true)], primaryKey: PrimaryKey(["id"], name: "pk_items"))),
            marker("r1"),
        ]
        if sleep > 0 { r1.append(.execute(RawSQL(perDialect: [.postgres: "SELECT pg_sleep(\(sleep))", .sqlite: "SELECT 1"]))) }
        return [
            revision("r1", nil, r1),
            revision("r2", "r1", [.addColumn(table: "items", column: Column("note", .text, nullable: true)), marker("r2")]),
            revision("r3", "r2", [.createIndex(table: "items", index: Index(["code"], unique: true, name: "ux_items_code")), marker("r3")]),
        ]
    }

    /// Six tenant schemas (and one that does not match) in a fresh PostgreSQL database.
    static func tenantSchemas(_ test: TestDatabase, count: Int = 6) throws -> [FleetTarget] {
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript((1...count).map { "CREATE SCHEMA tenant_\($0)" }.joined(separator: ";") + "; CREATE SCHEMA other")
        return try FleetTargets.eachSchema("tenant_*", on: test.url)
    }

    func markers(_ target: FleetTarget) throws -> [String] {
        let db = try target.connect()
        defer { db.close() }
        return try db.query("SELECT revision FROM markers ORDER BY revision", []).compactMap { $0.first?.string }
    }

    @Test("schemas and SQLite files from a targets file reach head; a rerun reads each once and changes nothing")
    func upgradeSchemasAndFiles() throws {
        let pg = try TestDatabase.make(.postgres)
        let schemas = try Self.tenantSchemas(pg)
        #expect(schemas.map(\.schema) == (1...6).map { "tenant_\($0)" })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retort-fleet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for i in 1...3 { FileManager.default.createFile(atPath: folder.appendingPathComponent("user\(i).db").path, contents: nil) }
        let list = folder.appendingPathComponent("targets.txt")
        try "# tenants\nsqlite:///\(folder.path)/*.db files sqlite\n\(pg.url.description) main pg\n".write(to: list, atomically: true, encoding: .utf8)
        let listed = try FleetTargets.file(list.path)
        #expect(listed.map(\.name) == ["files/user1.db", "files/user2.db", "files/user3.db", "main"])
        let targets = schemas + listed
        let migration = FleetMigration(graph: try RevisionGraph(Self.history()), policy: FleetPolicy(parallel: 3))
        let report = migration.upgrade(targets)
        #expect(report.succeeded && report.stoppedEarly == nil, "\(report.results.filter { $0.status != .done })")
        #expect(report.results.allSatisfy { $0.to == ["r3"] && $0.applied == ["r1", "r2", "r3"] })
        let json = String(decoding: try JSONEncoder().encode(FleetReportJSON(report)), as: UTF8.self)
        #expect(try JSONSchemaValidator(file: repositoryRoot.appendingPathComponent("schema/fleet.schema.json")).errors(in: json).isEmpty)
        for t in targets { #expect(try markers(t) == ["r1", "r2", "r3"], "\(t.name)") }
        // The database's own default schema is a target of its own, and the tenants' tables are not in it twice.
        let again = migration.upgrade(targets)
        #expect(again.results.allSatisfy { $0.status == .unchanged })
        for t in targets { #expect(try markers(t) == ["r1", "r2", "r3"]) }
        let current = migration.current(targets)
        #expect(current.results.allSatisfy { $0.status == .done && $0.to == ["r3"] })
    }

    @Test("a revision that fails on one tenant stops the rollout there; the rerun after the fix finishes, each revision once")
    func failureStopsAndRerunResumes() throws {
        let pg = try TestDatabase.make(.postgres)
        let targets = try Self.tenantSchemas(pg)
        let history = Self.history()
        let first = FleetMigration(graph: try RevisionGraph(Array(history.prefix(2))), policy: FleetPolicy(parallel: 4))
        #expect(first.upgrade(targets).succeeded)
        // Rows that the unique index of r3 refuses, on tenant_3 only.
        let t3 = try pg.connect()
        try t3.executeScript("INSERT INTO tenant_3.items (id, code) VALUES (1, 'same'), (2, 'same')")
        t3.close()
        let migration = FleetMigration(graph: try RevisionGraph(history), policy: FleetPolicy(parallel: 1, maxFailures: 1))
        let stopped = migration.upgrade(targets)
        #expect(stopped.stoppedEarly != nil)
        #expect(stopped.results.map(\.status) == [.done, .done, .failed, .notStarted, .notStarted, .notStarted])
        #expect(stopped.results[2].from == ["r2"] && stopped.results[2].to == ["r2"])
        #expect(stopped.results[2].error?.contains("ux_items_code") == true || stopped.results[2].error?.contains("unique") == true)
        #expect(try markers(targets[2]) == ["r1", "r2"])
        let fix = try pg.connect()
        try fix.executeScript("DELETE FROM tenant_3.items WHERE id = 2")
        fix.close()
        let rerun = migration.upgrade(targets)
        #expect(rerun.succeeded)
        #expect(rerun.results.map(\.status) == [.unchanged, .unchanged, .done, .done, .done, .done])
        for t in targets { #expect(try markers(t) == ["r1", "r2", "r3"], "\(t.name)") }
    }

    @Test("a canary that fails stops the rollout before any other target starts")
    func canaryStops() throws {
        let pg = try TestDatabase.make(.postgres)
        let targets = try Self.tenantSchemas(pg, count: 4)
        let db = try pg.connect()
        // tenant_1 already holds an `items` table of its own: r1 fails there.
        try db.executeScript("CREATE TABLE tenant_1.items (x integer)")
        db.close()
        let report = FleetMigration(graph: try RevisionGraph(Self.history()), policy: FleetPolicy(parallel: 4, canary: 1, maxFailures: 5))
            .upgrade(targets)
        #expect(report.stoppedEarly == "a canary failed")
        #expect(report.results.map(\.status) == [.failed, .notStarted, .notStarted, .notStarted])
        #expect(report.results[0].canary)
    }

    @Test("K targets in flight at once, on threads of their own")
    func parallelTargetsOverlap() throws {
        let pg = try TestDatabase.make(.postgres)
        let targets = try Self.tenantSchemas(pg, count: 4)
        let report = FleetMigration(graph: try RevisionGraph(Self.history(sleep: 0.5)), policy: FleetPolicy(parallel: 4)).upgrade(targets)
        #expect(report.succeeded)
        // Every job's span overlaps every other's: all four ran at once (two cores notwithstanding).
        let spans = report.results.compactMap { r in r.started.flatMap { s in r.finished.map { (s, $0) } } }
        #expect(spans.count == 4)
        let latestStart = spans.map(\.0).max()!, earliestEnd = spans.map(\.1).min()!
        #expect(latestStart < earliestEnd, "\(spans)")
    }

    @Test("the command line: upgrade, current, check and downgrade over --each-schema; a refused target exits 20, bad input 2")
    func commandLine() throws {
        let pg = try TestDatabase.make(.postgres)
        _ = try Self.tenantSchemas(pg, count: 3)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-fleet-\(UUID().uuidString)")
        let models = Schema { Table("a") { Column("id", .integer).primaryKey(); Column("note", .text, nullable: true) } }
        let tool = MigrateTool(
            name: "t", schema: models,
            revisions: RevisionSet(revisions: [SplitBase.self, DataLossAddNote.self], directory: dir.path, packageDirectory: dir.path))
        let fleet = ["--url", pg.url.description, "--each-schema", "tenant_*"]
        #expect(tool.run(["upgrade", "head", "--parallel", "2"] + fleet) == ExitStatus.ok)
        #expect(tool.run(["current"] + fleet) == ExitStatus.ok)
        #expect(tool.run(["upgrade", "head"] + fleet) == ExitStatus.ok)
        let db = try pg.connect()
        defer { db.close() }
        #expect(tool.run(["check"] + fleet) == ExitStatus.ok)
        #expect(tool.run(["check", "--history", "--format", "json"] + fleet) == ExitStatus.ok)
        #expect(tool.run(["lint", "--target-timeout", "60"] + fleet) == ExitStatus.ok)
        #expect(tool.run(["lint", "--offline"] + fleet) == ExitStatus.badInput)
        #expect(tool.run(["upgrade", "head", "--target-timeout", "0"] + fleet) == ExitStatus.badInput)
        try db.executeScript("CREATE INDEX ix_by_hand ON tenant_1.a (note)")
        #expect(tool.run(["check", "--format", "json"] + fleet) == ExitStatus.differences)
        try db.executeScript("DROP INDEX tenant_1.ix_by_hand")
        try db.executeScript("INSERT INTO tenant_2.a (id, note) VALUES (1, 'kept')")
        // tenant_2 holds a row the downgrade would drop: refused there, done elsewhere.
        #expect(tool.run(["downgrade", "base", "--max-failures", "5"] + fleet) == ExitStatus.fleetFailures)
        #expect(try db.query("SELECT count(*) FROM tenant_2.a").first?.first?.int == 1)
        #expect(try db.query("SELECT count(*) FROM pg_tables WHERE tablename = 'a'").first?.first?.int == 1)
        #expect(tool.run(["upgrade", "head", "--each-schema", "nobody_*", "--url", pg.url.description]) == ExitStatus.badInput)
        #expect(tool.run(["upgrade", "head", "--targets", "/nonexistent/targets.txt"] + fleet) == ExitStatus.badInput)
        #expect(tool.run(["upgrade", "head", "--sql"] + fleet) == ExitStatus.badInput)
    }

    @Test("check over a fleet: each target compared with the models, identical findings grouped and counted")
    func checkGroupsDrift() throws {
        let pg = try TestDatabase.make(.postgres)
        let targets = try Self.tenantSchemas(pg, count: 4)
        let migration = FleetMigration(graph: try RevisionGraph(Self.history()), policy: FleetPolicy(parallel: 2))
        #expect(migration.upgrade(targets).succeeded)
        var items = Table(
            name: "items", columns: [Column("id", .integer), Column("code", .string(20), nullable: true), Column("note", .text, nullable: true)],
            primaryKey: PrimaryKey(["id"], name: "pk_items"))
        items.indexes = [Index(["code"], unique: true, name: "ux_items_code")]
        let models = try Autogenerator(
            models: Schema(tables: [Table(name: "markers", columns: [Column("revision", .string(40))]), items]), graph: RevisionGraph(Self.history()))
        let clean = migration.check(targets, models: models)
        #expect(clean.results.allSatisfy { $0.status == .done }, "\(clean.results.map(\.findings))")
        let db = try pg.connect()
        defer { db.close() }
        try db.executeScript(
            """
            CREATE INDEX ix_legacy ON tenant_2.items (note); CREATE INDEX ix_legacy ON tenant_3.items (note);
            ALTER TABLE tenant_4.items DROP COLUMN note
            """)
        let drift = migration.check(targets, models: models)
        #expect(drift.results.map(\.status) == [.done, .drifted, .drifted, .drifted])
        let groups = drift.groupedFindings
        #expect(groups.map(\.targets) == [2, 1], "\(groups)")
        #expect(groups.first?.finding.contains("ix_legacy") == true, "\(groups)")
        #expect(groups.last?.finding.contains("note") == true, "\(groups)")
    }

    @Test("an extension a revision creates is created once per database: tenant schemas migrated at once wait for it, none fails")
    func extensionOncePerDatabase() throws {
        let pg = try TestDatabase.make(.postgres)
        let targets = try Self.tenantSchemas(pg, count: 4)
        // The pause keeps the first transaction open while the others reach CREATE EXTENSION.
        let graph = try RevisionGraph([
            Self.revision("x1", nil, [
                .createObject(.extension(Extension("hstore", schema: "public"))),
                .execute(RawSQL(perDialect: [.postgres: "SELECT pg_sleep(0.3)", .sqlite: "SELECT 1"])),
                .createTable(Table(name: "bag", columns: [Column("id", .integer), Column("h", .native("hstore"), nullable: true)])),
            ])
        ])
        let report = FleetMigration(graph: graph, policy: FleetPolicy(parallel: 4)).upgrade(targets)
        #expect(report.succeeded, "\(report.results.compactMap(\.error))")
        let db = try pg.connect()
        defer { db.close() }
        #expect(try db.query("SELECT count(*) FROM pg_extension WHERE extname = 'hstore'").first?.first?.int == 1)
        #expect(try db.query("SELECT count(*) FROM pg_tables WHERE tablename = 'bag'").first?.first?.int == 4)
    }

    @Test("--target-timeout: a target past its time is interrupted, its revision rolled back, and the rerun finishes it")
    func targetTimeout() throws {
        let pg = try TestDatabase.make(.postgres)
        let targets = try Self.tenantSchemas(pg, count: 2)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retort-fleet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = FleetTarget(url: .sqlite(path: folder.appendingPathComponent("slow.db").path), name: "slow.db")
        // r1 and r2 are quick; s3 waits (PostgreSQL sleeps, SQLite counts through a long recursive query).
        let slow = MigrationOperation.execute(RawSQL(perDialect: [
            .postgres: "SELECT pg_sleep(30)",
            .sqlite: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000000) SELECT count(*) FROM n",
        ]))
        let history = Array(Self.history().prefix(2)) + [Self.revision("s3", "r2", [slow])]
        let started = Date()
        let report = FleetMigration(graph: try RevisionGraph(history), policy: FleetPolicy(parallel: 3, maxFailures: 5, targetTimeout: 1))
            .upgrade(targets + [file])
        #expect(Date().timeIntervalSince(started) < 15, "the sleeps were interrupted")
        for r in report.results {
            #expect(r.status == .failed && r.error?.contains("timed out after 1 s") == true, "\(r)")
            #expect(r.to == ["r2"], "\(r.target): left at the revision before the one interrupted")
        }
        // No lock is left behind: a rerun without the slow revision's wait finishes every target.
        let quick = Array(Self.history().prefix(2)) + [Self.revision("s3", "r2", [.execute(RawSQL("SELECT 1"))])]
        let rerun = FleetMigration(graph: try RevisionGraph(quick), policy: FleetPolicy(parallel: 3, targetTimeout: 10)).upgrade(targets + [file])
        #expect(rerun.succeeded && rerun.results.allSatisfy { $0.to == ["s3"] }, "\(rerun.results)")
    }

    @Test("lint over a fleet: each target's pending revisions with its own table sizes; an error on a large tenant flags that tenant only")
    func lintWithEachTargetsSizes() throws {
        let pg = try TestDatabase.make(.postgres)
        let targets = try Self.tenantSchemas(pg, count: 3)
        let history = Self.history()
        #expect(FleetMigration(graph: try RevisionGraph(Array(history.prefix(2))), policy: FleetPolicy(parallel: 3)).upgrade(targets).succeeded)
        let db = try pg.connect()
        defer { db.close() }
        try db.executeScript("INSERT INTO tenant_2.items (id, code) SELECT i, 'c' || i FROM generate_series(1, 50) AS i; ANALYZE tenant_2.items")
        let migration = FleetMigration(graph: try RevisionGraph(history), policy: FleetPolicy(parallel: 2))
        let report = migration.lint(targets, largeTableRows: 20)
        #expect(report.results.map(\.status) == [.done, .flagged, .done], "\(report.results)")
        let groups = report.groupedFindings
        // r3's index: a warning where the table is small, an error where it is large.
        #expect(groups.contains { $0.targets == 2 && $0.finding.hasPrefix("warning") && $0.finding.contains("r3 items") }, "\(groups)")
        #expect(groups.contains { $0.targets == 1 && $0.finding.hasPrefix("error") && $0.finding.contains("r3 items") }, "\(groups)")
        // Once applied, nothing is left to lint.
        #expect(migration.upgrade(targets).succeeded)
        #expect(migration.lint(targets, largeTableRows: 20).results.allSatisfy { $0.status == .done && $0.findings.isEmpty })
    }

    @Test("FleetMigrator: one failing tenant leaves the others at head, and a tenant created later is migrated alone")
    func fleetMigratorKeepsHealthyTenants() async throws {
        let pg = try TestDatabase.make(.postgres)
        let targets = try Self.tenantSchemas(pg, count: 3)
        let db = try pg.connect()
        defer { db.close() }
        try db.executeScript("CREATE TABLE tenant_2.a (x integer)")  // the first revision cannot create its table there
        let migrator = FleetMigrator(targets: targets, revisions: [SplitBase.self, DataLossAddNote.self])
        let report = try await migrator.run()
        #expect(report.results.map(\.status) == [.done, .failed, .done])
        #expect(report.results[0].to == report.results[2].to && !report.results[0].to.isEmpty)
        await #expect(throws: StartupMigrationError.self) { try await migrator.migrate(targets[1]) }
        try db.executeScript("CREATE SCHEMA tenant_new")
        let added = try await migrator.migrate(FleetTarget(url: pg.url, schema: "tenant_new"))
        #expect(added.status == .done && added.to == report.results[0].to)
    }
}

