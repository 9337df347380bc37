import Foundation
import Retort
import Testing

/// The autotrainx story end to end, as a user runs it: a legacy SQLite database (made by the
/// example's own script, 100,010 executions with every hard case), its schema reflected, the
/// adjusted models brought to head on PostgreSQL, the rows transferred and verified. And the
/// adoption path on an existing PostgreSQL database: reflect, baseline, stamp, check.
@Suite("End to end: autotrainx moves from SQLite to PostgreSQL", .serialized)
struct AutotrainxTests {
    static func legacyDatabase() throws -> TestDatabase {
        let db = try TestDatabase.make(.sqlite)
        guard case .sqlite(let path) = db.url else { throw DatabaseError("not SQLite") }
        let script = repositoryRoot.appendingPathComponent("examples/autotrainx/make_legacy_db.py").path
        let r = try runProcess("/usr/bin/env", ["python3", script, path])
        try #require(r.status == 0, "make_legacy_db.py failed: \(r.stderr)")
        return db
    }

    @Test("reflect → upgrade head on PostgreSQL → transfer → verify: hard cases converted exactly or rejected")
    func move() throws {
        let package = try ExamplePackages.prepareCopy("autotrainx")
        try ExamplePackages.build(package)
        let tool = package.appendingPathComponent(".build/debug/autotrainx").path
        let legacy = try Self.legacyDatabase()

        // What the legacy database says of itself: the models the example started from.
        var r = try runProcess(tool, ["reflect", "--url", legacy.url.description])
        #expect(r.status == 0, "\(r.stderr)")
        for line in [
            "Column(\"job_id\", .string(8), nullable: true).primaryKey()", "Column(\"started_at\", .timestamp, nullable: true)",
            "Column(\"success\", .boolean, nullable: true)", "Column(\"metrics\", .text, nullable: true)",
            "Column(\"id\", .integer, nullable: true).primaryKey(autoincrement: true)", "Index(\"variation_id\", name: \"ix_executions_variation\")",
        ] {
            #expect(r.stdout.contains(line), "reflect lacks \(line):\n\(r.stdout)")
        }

        let pg = try TestDatabase.make(.postgres)
        let rejectsFile = FileManager.default.temporaryDirectory.appendingPathComponent("autotrainx-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: rejectsFile) }
        r = try runProcess(tool, [
            "transfer", "--from", legacy.url.description, "--to", pg.url.description, "--max-rejects", "11", "--rejects", rejectsFile,
            "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("applied r"), "the target is brought to head first")
        // The target holds a trigger and forced row-level security (the models' own): neither
        // touched a copied row (the checksums below agree), and both are as they were after.
        #expect(try pg.values("SELECT tgenabled::text FROM pg_trigger WHERE tgname = 'executions_status_lower'") == [["O"]])
        #expect(try pg.values("SELECT relrowsecurity::text, relforcerowsecurity::text FROM pg_class WHERE relname = 'executions'") == [["true", "true"]])
        // And it fires again: a status written in capitals is kept in lower case (the row stays as copied).
        #expect(try pg.values("UPDATE executions SET status = upper(status) WHERE job_id = '00000003' RETURNING status") == [["failed"]])
        let report = try JSONDecoder().decode(TransferReport.self, from: Data(r.stdout.utf8))
        #expect(report.ok && report.rejectedRows == 11)
        let byTable = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.table, $0) })
        #expect(report.tables.map(\.table) == ["variations", "executions"])
        #expect(byTable["executions"]?.sourceRows == 100_000 && byTable["executions"]?.targetRows == 100_000)
        #expect(byTable["executions"]?.sourceChecksum == byTable["executions"]?.targetChecksum)
        #expect(byTable["variations"]?.targetRows == 201 && byTable["variations"]?.rejectedRows == 1)

        // Every hard case the script planted is rejected, for its own reason, and nothing else is.
        let rejects = try String(contentsOfFile: rejectsFile, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Reject.self, from: Data($0.utf8))
        }
        let reasons = Dictionary(rejects.map { ($0.key, $0.reason) }) { a, b in a + "; " + b }
        let expected: [String: String] = [
            "id=201": "invalid JSON", "job_id=x0000001": "not a date and time", "job_id=x0000002": "not a boolean",
            "job_id=x0000003": "not an integer", "job_id=x0000004": "invalid JSON", "job_id=x0000005": "not a number",
            "job_id=x0000006": "not a date and time", "job_id=x0000007": "duplicate JSON key", "job_id=x0000008": "out of range",
            "job_id=c0000001": "its parent row in variations (id=201) was rejected", "job_id=o0000001": "references no row of variations",
        ]
        #expect(Set(reasons.keys) == Set(expected.keys), "\(reasons)")
        for (key, reason) in expected { #expect(reasons[key]?.contains(reason) == true, "\(key): \(reasons[key] ?? "not rejected")") }

        // The converted values, read back from PostgreSQL.
        let rows = try pg.values(
            "SELECT job_id, started_at::text, success::text, epochs::text, duration::text, metrics::text, notes FROM executions WHERE job_id IN ('00000000', '00000001', '00000002', '00000004', '00000005', '00000006', '0000000a') ORDER BY job_id")
        #expect(rows[0] == ["00000000", "2025-01-01 00:00:00+00", "true", "NULL", "NULL", "[]", ""])  // epoch seconds, 1
        #expect(rows[1][1] == "2025-01-01 00:00:37.001+00" && rows[1][2] == "false" && rows[1][4] == "4838.808")  // epoch ms, 0
        #expect(rows[2][1] == "2025-01-01 00:01:14+00" && rows[2][2] == "true" && rows[2][6] == "back\\slash")  // epoch text, 'true'
        #expect(rows[3][1] == "2025-01-01 00:02:28.004+00" && rows[3][2] == "true" && rows[3][3] == "41")  // ISO Z, 'TRUE', '41'
        #expect(rows[4][1] == "2025-01-01 00:03:05+00" && rows[4][2] == "false")  // +02:00, 'False'
        #expect(rows[5][1] == "2025-01-01 00:03:00+00" && rows[5][6] == "line\nbreak")  // minutes only, 't'
        #expect(rows[6][2] == "true")  // 'yes'
        #expect(try pg.values("SELECT parameters->>'lr', parameters->'layers'->>1 FROM variations WHERE id = 1").first?.count == 2)
        #expect(try pg.values("SELECT nextval(pg_get_serial_sequence('variations', 'id'))") == [["203"]])

        // The target still matches the models (the transfer's own tables are not reported).
        r = try runProcess(tool, ["check", "--url", pg.url.description])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")

        // Verification catches a value changed afterwards, by each database's own SQL.
        var c = try pg.connect()
        try c.execute("UPDATE executions SET duration = duration + 0.001 WHERE job_id = '00000003'")
        c.close()
        r = try runProcess(tool, ["transfer", "--from", legacy.url.description, "--to", pg.url.description, "--verify-only"])
        #expect(r.status == 1 && r.stdout.contains("mismatch"), "\(r.stdout)\(r.stderr)")
        c = try pg.connect()
        try c.execute("UPDATE executions SET duration = duration - 0.001 WHERE job_id = '00000003'")
        c.close()
        r = try runProcess(tool, ["transfer", "--from", legacy.url.description, "--to", pg.url.description, "--verify-only"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")

        // A second run refuses to copy over the rows; the models also run on SQLite for development.
        r = try runProcess(tool, ["transfer", "--from", legacy.url.description, "--to", pg.url.description, "--max-rejects", "11"])
        #expect(r.status == 4 && r.stderr.contains("not empty"))
        let dev = try TestDatabase.make(.sqlite)
        r = try runProcess(tool, ["upgrade", "head", "--url", dev.url.description])
        #expect(r.status == 0, "\(r.stderr)")
        r = try runProcess(tool, ["check", "--url", dev.url.description])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    @Test("adoption: reflect an existing database, build, revision --baseline, stamp head → check clean; upgrade head builds an equal database")
    func adoption() throws {
        let existing = try TestDatabase.make(.postgres)
        do {
            let c = try existing.connect()
            defer { c.close() }
            try c.executeScript(
                """
                CREATE TYPE run_state AS ENUM ('queued', 'running', 'done');
                CREATE TABLE projects (
                    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    name varchar(80) NOT NULL UNIQUE,
                    budget numeric(10, 2) DEFAULT 0 CHECK (budget >= 0),
                    created_at timestamptz NOT NULL DEFAULT now());
                COMMENT ON TABLE projects IS 'What the runs are for';
                CREATE TABLE runs (
                    id serial PRIMARY KEY,
                    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    state run_state NOT NULL DEFAULT 'queued',
                    config jsonb,
                    tags text[],
                    CONSTRAINT runs_state_known CHECK (state IN ('queued', 'running', 'done')));
                CREATE INDEX runs_active ON runs (project_id) WHERE state <> 'done';
                CREATE INDEX runs_config ON runs USING gin (config jsonb_path_ops);
                COMMENT ON COLUMN runs.config IS 'Hyperparameters';
                INSERT INTO projects (name) VALUES ('vision');
                """)
        }
        let package = try ExamplePackages.prepareCopy("autotrainx")
        let sources = package.appendingPathComponent("Sources/autotrainx")
        try FileManager.default.removeItem(at: sources.appendingPathComponent("Models.swift"))
        for file in try FileManager.default.contentsOfDirectory(atPath: sources.appendingPathComponent("Revisions").path) {
            try FileManager.default.removeItem(at: sources.appendingPathComponent("Revisions/\(file)"))
        }
        let tool = package.appendingPathComponent(".build/debug/autotrainx").path
        // Step 1: reflect, one file per table, into the package.
        var r = try runProcess(try RetortTool.path(), [
            "reflect", "--url", existing.url.description, "--output", sources.appendingPathComponent("Models").path, "--variable",
            "autotrainxSchema",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 3)  // projects, runs, Schema.swift
        // Step 2: build, write the baseline, build again.
        try ExamplePackages.build(package)
        r = try runProcess(tool, ["revision", "--baseline", "-m", "initial"])
        #expect(r.status == 0, "\(r.stderr)")
        try ExamplePackages.build(package)
        r = try runProcess(tool, ["revision", "--baseline", "-m", "again"])
        #expect(r.status == 2 && r.stderr.contains("can only be the first revision"))
        // Step 3: the existing database is recorded at head without running anything; check is clean.
        r = try runProcess(tool, ["stamp", "head", "--url", existing.url.description])
        #expect(r.status == 0, "\(r.stderr)")
        r = try runProcess(tool, ["check", "--url", existing.url.description])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        // Step 4: a fresh database built by the baseline equals the existing one (pg_dump's view).
        let fresh = try TestDatabase.make(.postgres)
        r = try runProcess(tool, ["upgrade", "head", "--url", fresh.url.description])
        #expect(r.status == 0, "\(r.stderr)")
        let own = { (lines: [String]) in lines.filter { !$0.contains("retort_") } }
        let got = own(try PostgresDump.read(fresh)), want = own(try PostgresDump.read(existing))
        #expect(got == want, "only in the fresh database: \(got.filter { !want.contains($0) })\nonly in the existing one: \(want.filter { !got.contains($0) })")
    }
}
