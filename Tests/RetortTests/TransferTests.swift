import Foundation
import Retort
import Testing

/// `retort transfer` (stand-alone: target tables mapped from SQLite) on real databases: every
/// conversion rule, the rejects, foreign-key cycles, WITHOUT ROWID tables, sequences, time zones,
/// and verification that catches a changed value.
@Suite("transfer: SQLite rows into PostgreSQL, converted and verified")
struct TransferTests {
    static func sqlite(_ sql: String) throws -> TestDatabase {
        let db = try TestDatabase.make(.sqlite)
        let c = try db.connect()
        defer { c.close() }
        try c.executeScript(sql)
        return db
    }

    static func transfer(_ from: TestDatabase, _ to: TestDatabase, _ extra: [String] = []) throws -> ProcessResult {
        try runProcess(try RetortTool.path(), ["transfer", "--from", from.url.description, "--to", to.url.description] + extra)
    }

    @Test("the table's triggers do not fire on copied rows and a forced policy hides none from a non-superuser owner; both are as they were after")
    func triggersAndRowSecurity() throws {
        let source = try Self.sqlite(
            "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT, last_update TEXT); INSERT INTO note VALUES (1, 'a', 'then'), (2, 'b', NULL)")
        let target = try TestDatabase.make(.postgres)
        let owner = "retort_transfer_owner"
        do {
            let admin = try target.connect()
            defer { admin.close() }
            try admin.executeScript("""
                DO $$ BEGIN CREATE ROLE \(owner) LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                GRANT CREATE ON SCHEMA public TO \(owner);
                CREATE TABLE note (id integer PRIMARY KEY, body text, last_update text);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_update := 'rewritten'; RETURN NEW; END $$;
                CREATE TRIGGER note_touch BEFORE INSERT OR UPDATE ON note FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE TRIGGER note_always BEFORE INSERT ON note FOR EACH ROW EXECUTE FUNCTION touch();
                ALTER TABLE note ENABLE ALWAYS TRIGGER note_always;
                ALTER TABLE note ENABLE ROW LEVEL SECURITY;
                ALTER TABLE note FORCE ROW LEVEL SECURITY;
                CREATE POLICY nothing ON note USING (false);
                ALTER TABLE note OWNER TO \(owner);
                ALTER FUNCTION touch() OWNER TO \(owner)
                """)
        }
        guard case .postgres(let pg) = target.url else { return }
        let uri = pg.uri.range(of: "user=[^&]*", options: .regularExpression).map { pg.uri.replacingCharacters(in: $0, with: "user=\(owner)") }
            ?? pg.uri + (pg.uri.contains("?") ? "&" : "?") + "user=\(owner)"
        let r = try runProcess(try RetortTool.path(), ["transfer", "--from", source.url.description, "--to", uri, "--table", "note"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(try target.values("SELECT id, body, last_update FROM note ORDER BY id") == [["1", "a", "then"], ["2", "b", "NULL"]])
        #expect(try target.values("SELECT relforcerowsecurity::text, relrowsecurity::text FROM pg_class WHERE relname = 'note'") == [["true", "true"]])
        #expect(try target.values("SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'note'::regclass ORDER BY 1") == [["note_always", "A"], ["note_touch", "O"]])
        #expect(try target.values("SELECT count(*) FROM retort_transfer_forced") == [["0"]])
    }

    @Test("every type converts exactly or is rejected, and the checksums agree")
    func conversions() throws {
        let source = try Self.sqlite(
            """
            CREATE TABLE t (
                id INTEGER PRIMARY KEY, b BOOLEAN, i INTEGER, s SMALLINT, r REAL, d NUMERIC(8, 2), v VARCHAR(3), x TEXT,
                u UUID, j JSON, bl BLOB, dt DATE, ts DATETIME, n);
            INSERT INTO t VALUES (1, 'Yes', ' 42 ', 7, 1.5, 12.5, 'abc', 'tab\there', '6F9619FF-8B86-D011-B42D-00C04FC964FF',
                '{"a": [1, 2.50, "x"], "b": {"c": null}}', x'00ff10', '2024-02-29', '2024-01-02T03:04:05.123456Z', 'anything');
            INSERT INTO t VALUES (2, 0, 9007199254740993, -32768, '2.5e3', '-0.5', 'ñü', 'back\\slash', x'6f9619ff8b86d011b42d00c04fc964ff',
                '"just a string"', 'text bytes', '1999-12-31', 1700000000, 12);
            INSERT INTO t VALUES (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1700000000123, NULL);
            INSERT INTO t VALUES (4, 'f', 1, 1, 1e308, 1, 'a', 'line
            break', NULL, '[]', NULL, NULL, '2024-01-02 03:04', 1.25);
            INSERT INTO t VALUES (5, 'nope', 1, 1, 1, 1, 'a', 'a', NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO t VALUES (6, 1, 1, 40000, 1, 1, 'a', 'a', NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO t VALUES (7, 1, 1, 1, 1, 1.234, 'a', 'a', NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO t VALUES (8, 1, 1, 1, 1, 1, 'abcd', 'a', NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO t VALUES (9, 1, 1, 1, 1, 1, 'a', 'a', 'not-a-uuid', NULL, NULL, NULL, NULL, NULL);
            INSERT INTO t VALUES (10, 1, 1, 1, 1, 1, 'a', 'a', NULL, '{"k": "\\u0000"}', NULL, NULL, NULL, NULL);
            INSERT INTO t VALUES (11, 1, 1, 1, 1, 1, 'a', 'a', NULL, NULL, NULL, '2024-01-02 10:00', NULL, NULL);
            INSERT INTO t VALUES (12, 1, 1, 1, 1, 1, 'a', CAST(x'61ff' AS TEXT), NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO t VALUES (13, 1, 1, 1, 1, 1, 'a', CAST(x'610062' AS TEXT), NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO t VALUES (14, 1, 1, 1, '1e-400', 1, 'a', 'a', NULL, NULL, NULL, NULL, NULL, NULL);
            """)
        let target = try TestDatabase.make(.postgres)
        let rejects = FileManager.default.temporaryDirectory.appendingPathComponent("rejects-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: rejects) }
        let r = try Self.transfer(source, target, ["--max-rejects", "10", "--rejects", rejects, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try JSONDecoder().decode(TransferReport.self, from: Data(r.stdout.utf8))
        #expect(report.ok && report.tables.count == 1)
        let t = try #require(report.tables.first)
        #expect(t.sourceRows == 6 && t.targetRows == 6 && t.rejectedRows == 8 && t.sourceChecksum == t.targetChecksum)
        #expect(try JSONSchemaValidator(file: repositoryRoot.appendingPathComponent("schema/transfer.schema.json")).errors(in: r.stdout).isEmpty)
        // Rejected: each for its own reason, never changed silently.
        let lines = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        let reasons = try Dictionary(uniqueKeysWithValues: lines.map { line -> (String, String) in
            let reject = try JSONDecoder().decode(Reject.self, from: Data(line.utf8))
            return (reject.key, reject.reason)
        })
        #expect(reasons["id=5"]?.contains("not a boolean") == true)
        #expect(reasons["id=6"] == nil)  // s is SMALLINT in SQLite, but SQLite integers are 64-bit: bigint in PostgreSQL
        #expect(reasons["id=7"]?.contains("without rounding") == true)
        #expect(reasons["id=8"]?.contains("longer than 3") == true)
        #expect(reasons["id=9"]?.contains("not a UUID") == true)
        #expect(reasons["id=10"]?.contains("\\u0000") == true)
        #expect(reasons["id=11"]?.contains("time would be lost") == true)
        #expect(reasons["id=12"]?.contains("UTF-8") == true)
        #expect(reasons["id=13"]?.contains("NUL") == true)
        // The target's types come from the documented mapping.
        let types = try target.values("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position")
        #expect(types.map { $0[1] } == [
            "bigint", "boolean", "bigint", "bigint", "double precision", "numeric", "character varying", "text", "uuid", "jsonb", "bytea",
            "date", "timestamp with time zone", "text",
        ])
        let rows = try target.values(
            "SELECT id, b::text, i::text, r::text, d::text, x, u::text, j::text, encode(bl, 'hex'), dt::text, ts::text, n FROM t ORDER BY id")
        #expect(rows[0] == ["1", "true", "42", "1.5", "12.50", "tab\there", "6f9619ff-8b86-d011-b42d-00c04fc964ff",
                            "{\"a\": [1, 2.50, \"x\"], \"b\": {\"c\": null}}", "00ff10", "2024-02-29", "2024-01-02 03:04:05.123456+00", "anything"])
        #expect(rows[1] == ["2", "false", "9007199254740993", "2500", "-0.50", "back\\slash", "6f9619ff-8b86-d011-b42d-00c04fc964ff",
                            "\"just a string\"", "74657874206279746573", "1999-12-31", "2023-11-14 22:13:20+00", "12"])
        #expect(rows[2][10] == "2023-11-14 22:13:20.123+00")
        #expect(rows[3][3] == "1e+308" && rows[3][5] == "line\nbreak" && rows[3][10] == "2024-01-02 03:04:00+00" && rows[3][11] == "1.25")

        // Verification sees one changed value, by its own SQL on each side.
        let c = try target.connect()
        try c.execute("UPDATE t SET x = 'tab here' WHERE id = 1")
        c.close()
        var v = try Self.transfer(source, target, ["--verify-only"])
        #expect(v.status == 1 && v.stdout.contains("mismatch"), "\(v.stdout)\(v.stderr)")
        let c2 = try target.connect()
        try c2.execute("UPDATE t SET x = 'tab\there' WHERE id = 1")
        c2.close()
        v = try Self.transfer(source, target, ["--verify-only"])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        // JSON: key order is free (jsonb does not keep it), but array order and each key's value count.
        for (change, same) in [
            ("jsonb_build_object('b', j -> 'b', 'a', j -> 'a')", true), ("jsonb_set(j, '{a}', '[2.50, 1, \"x\"]')", false),
            ("jsonb_build_object('a', j -> 'b', 'b', j -> 'a')", false),
        ] {
            let c3 = try target.connect()
            try c3.execute("UPDATE t SET j = \(change) WHERE id = 1")
            c3.close()
            v = try Self.transfer(source, target, ["--verify-only"])
            #expect(v.status == (same ? 0 : 1), "\(change): \(v.stdout)")
            let c4 = try target.connect()
            try c4.execute("UPDATE t SET j = '{\"a\": [1, 2.50, \"x\"], \"b\": {\"c\": null}}' WHERE id = 1")
            c4.close()
        }
    }

    @Test("foreign keys in a cycle, WITHOUT ROWID, orphans, a rejected parent, sequences, --resume and --truncate")
    func structure() throws {
        let source = try Self.sqlite(
            """
            PRAGMA foreign_keys = OFF;
            CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, b_id INTEGER REFERENCES b (id), v BOOLEAN);
            CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));
            CREATE TABLE k (code TEXT PRIMARY KEY, a_id INTEGER REFERENCES a (id)) WITHOUT
                ROWID, STRICT;
            INSERT INTO b VALUES (1, NULL), (2, NULL);
            INSERT INTO a (id, b_id, v) VALUES (1, 1, 1), (2, 2, 'yes'), (3, 1, 'bad'), (40, NULL, 0);
            UPDATE b SET a_id = 2 WHERE id = 1;
            UPDATE b SET a_id = 3 WHERE id = 2;
            INSERT INTO k VALUES ('z', 1), ('y', 3), ('x', 77), ('w', NULL);
            """)
        let target = try TestDatabase.make(.postgres)
        // a.3 is rejected; through the cycle a.2 (-> b.2 -> a.3), b.1 and a.1 lose their parents too.
        var r = try Self.transfer(source, target, ["--max-rejects", "1"])
        #expect(r.status == 4 && r.stderr.contains("3 row(s) of 'a'") && r.stderr.contains("--max-rejects 1"), "\(r.stderr)")
        r = try Self.transfer(source, target, ["--max-rejects", "3"])
        #expect(r.status == 4 && r.stderr.contains("2 row(s) of 'b'"), "\(r.stderr)")
        #expect(try target.values("SELECT count(*) FROM retort_transfer_keys") == [["1"]])  // detached until the end
        r = try Self.transfer(source, target, ["--max-rejects", "8"])
        #expect(r.status == 4 && r.stderr.contains("not empty"), "\(r.stderr)")
        r = try Self.transfer(source, target, ["--max-rejects", "8", "--resume"])
        #expect(r.status == 0 && r.stdout.contains("verified earlier"), "\(r.stdout)\(r.stderr)")
        #expect(try target.values("SELECT id FROM a ORDER BY id") == [["40"]])
        #expect(try target.values("SELECT count(*) FROM b") == [["0"]])
        // k.z and k.y point at rejected rows of a; k.x points nowhere; k.w has no parent.
        #expect(try target.values("SELECT code FROM k ORDER BY code") == [["w"]])
        #expect(try target.values("SELECT count(*) FROM retort_transfer_rejects") == [["8"]])
        // The cycle's key is back and validated; the identity continues after the highest id.
        #expect(try target.values("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated") == [["3"]])
        #expect(try target.values("SELECT count(*) FROM retort_transfer_keys") == [["0"]])
        #expect(try target.values("SELECT nextval(pg_get_serial_sequence('a', 'id'))") == [["41"]])
        r = try Self.transfer(source, target, ["--max-rejects", "8", "--resume"])
        #expect(r.status == 0 && r.stdout.components(separatedBy: "verified earlier").count == 4, "\(r.stdout)\(r.stderr)")
        // One table again: its parent's rejections come from the state the earlier run left.
        r = try Self.transfer(source, target, ["--max-rejects", "8", "--truncate", "--table", "k"])
        #expect(r.status == 0 && r.stdout.contains("\nk ") && !r.stdout.contains("\na "), "\(r.stdout)\(r.stderr)")
        #expect(try target.values("SELECT code FROM k ORDER BY code") == [["w"]])
    }

    @Test("the checksums' SHA-256 equals PostgreSQL's sha256() across block boundaries")
    func sha256() throws {
        let db = try TestDatabase.make(.postgres)
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000] {
            let text = String(repeating: "ñ-a,", count: length / 4 + 1).prefix(length)
            var digest = SHA256()
            // Fed in uneven pieces, as rows arrive.
            let bytes = Array(text.utf8)
            var i = 0
            while i < bytes.count {
                let n = min(7 + i % 13, bytes.count - i)
                bytes[i..<(i + n)].withUnsafeBytes { digest.update($0) }
                i += n
            }
            let c = try db.connect()
            defer { c.close() }
            let want = try c.query("SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex')", [.text(String(text))]).first?.first?.string
            #expect(digest.hexDigest() == want, "length \(length)")
        }
    }

    @Test("date-times without a zone are read in --timezone, and verification agrees")
    func timeZones() throws {
        let source = try Self.sqlite(
            """
            CREATE TABLE e (id INTEGER PRIMARY KEY, at DATETIME);
            INSERT INTO e VALUES (1, '2024-07-01 12:00:00'), (2, '2024-01-15 12:00:00'), (3, '2024-07-01 12:00:00Z'), (4, 1700000000);
            """)
        let target = try TestDatabase.make(.postgres)
        let r = try Self.transfer(source, target, ["--timezone", "Europe/Madrid"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(try target.values("SELECT at::text FROM e ORDER BY id") == [
            ["2024-07-01 10:00:00+00"], ["2024-01-15 11:00:00+00"], ["2024-07-01 12:00:00+00"], ["2023-11-14 22:13:20+00"],
        ])
        let bad = try Self.transfer(source, target, ["--timezone", "Mars/Olympus"])
        #expect(bad.status == 2 && bad.stderr.contains("unknown time zone"))
        let sqliteTarget = try TestDatabase.make(.sqlite)
        let wrong = try Self.transfer(source, sqliteTarget)
        #expect(wrong.status == 2 && wrong.stderr.contains("PostgreSQL"))
    }
}

/// A transfer that was killed, found a mismatch, or is run again must be able to finish.
@Suite("transfer: killed, mismatched or repeated runs finish; values verify by what is stored")
struct TransferRecoveryTests {
    static func counts(_ db: TestDatabase) throws -> [String] {
        try db.values("SELECT (SELECT count(*) FROM parent)::text || '/' || (SELECT count(*) FROM child)::text").map { $0[0] }
    }

    static func statuses(_ db: TestDatabase) throws -> [String] {
        try db.values("SELECT table_name || ':' || status FROM retort_transfer ORDER BY 1").map { $0[0] }
    }

    @Test("killed after a parent was copied but before it was verified: --resume, --truncate and both finish; a mismatch too")
    func resumeAndTruncate() throws {
        let source = try TransferTests.sqlite(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id), note TEXT);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
            INSERT INTO parent SELECT i, 'p' || i FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 900)
            INSERT INTO child SELECT i, 1 + i % 300, 'c' || i FROM n;
            """)
        let target = try TestDatabase.make(.postgres)
        var r = try TransferTests.transfer(source, target)
        #expect(r.status == 0, "\(r.stderr)")
        let c = try target.connect()
        defer { c.close() }
        // What a kill between the parent's copy and its verification leaves behind.
        for state in ["copied", "mismatch"] {
            for flags in [["--resume"], ["--truncate"], ["--resume", "--truncate"]] {
                try c.execute("UPDATE retort_transfer SET status = '\(state)' WHERE table_name = 'parent'")
                if state == "mismatch" { try c.execute("UPDATE parent SET name = 'changed' WHERE id = 7") }
                r = try TransferTests.transfer(source, target, flags)
                #expect(r.status == 0, "\(state) \(flags): \(r.stderr)")
                #expect(try Self.counts(target) == ["300/900"])
                #expect(try Self.statuses(target) == ["child:verified", "parent:verified"], "\(state) \(flags)")
                #expect(try target.values("SELECT name FROM parent WHERE id = 7") == [["p7"]])
            }
        }
        // A table outside the run that references a table to empty: refused, naming it, nothing changed.
        try c.executeScript("CREATE TABLE audit (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id)); INSERT INTO audit VALUES (1, 5)")
        r = try TransferTests.transfer(source, target, ["--truncate"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("'audit' references 'parent'") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try Self.counts(target) == ["300/900"])
        #expect(try target.values("SELECT count(*) FROM audit") == [["1"]])
    }

    @Test("floats, date-times at the edges and huge JSON numbers: exact values verify, unverifiable ones are rejected by row")
    func exactValues() throws {
        // Doubles whose 15-digit printf and shortest round-trip texts differ in the last digit.
        var doubles: [Double] = [88321.21954831935, 0.1, 1e308, -2.2250738585072014e-308, 5e-324, 123456789012345.67]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 { doubles.append(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF | 0x3000_0000_0000_0000) * (Bool.random() ? 1 : -1)) }
        let values = doubles.enumerated().map { "(\($0.offset + 1), \(String(format: "%.17g", $0.element)))" }.joined(separator: ", ")
        let source = try TransferTests.sqlite(
            """
            CREATE TABLE f (id INTEGER PRIMARY KEY, x REAL, y FLOAT4);
            INSERT INTO f (id, x) VALUES \(values);
            UPDATE f SET y = 1.5 WHERE id % 2 = 0;
            UPDATE f SET y = 0.1 WHERE id % 3 = 0;
            CREATE TABLE t (id INTEGER PRIMARY KEY, ts DATETIME, tz TIMESTAMPTZ);
            INSERT INTO t VALUES (1, '9999-12-31 23:59:59.999999', '9999-12-31T23:59:59.999999Z'), (2, '2024-01-01 12:00:59.9996', '2024-01-01 12:00:59.9996+02:00'),
                (3, '0001-01-01 00:00:00.000001', '1969-12-31 23:59:59.5'), (4, '2024-02-29T23:59:59.999', 1700000000.999999), (5, '2024-03-01 00:00', 1700000000123);
            CREATE TABLE j (id INTEGER PRIMARY KEY, doc JSON);
            INSERT INTO j VALUES (1, '{"x": 1}'), (2, '{"x": 1e400}'), (3, '[1e-400]'), (4, '{"y": 0.000e5, "z": 88321.21954831935}'), (5, '[12345678901234567890, -0.0]');
            """)
        let target = try TestDatabase.make(.postgres)
        let rejects = FileManager.default.temporaryDirectory.appendingPathComponent("rejects-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: rejects) }
        let r = try TransferTests.transfer(source, target, ["--max-rejects", "2", "--rejects", rejects, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try JSONDecoder().decode(TransferReport.self, from: Data(r.stdout.utf8))
        #expect(report.ok, "\(r.stdout)")
        #expect(report.tables.map(\.status) == ["ok", "ok", "ok"], "\(r.stdout)")
        #expect(report.tables.first { $0.table == "j" }?.rejectedRows == 2)
        let lines = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n").map { try JSONDecoder().decode(Reject.self, from: Data($0.utf8)) }
        #expect(lines.map(\.table) == ["j", "j"] && Set(lines.map(\.key)).count == 2, "\(lines)")
        #expect(lines.allSatisfy { $0.reason.contains("beyond double precision's range") }, "\(lines)")
        #expect(try target.values("SELECT (ts AT TIME ZONE 'UTC')::text, (tz AT TIME ZONE 'UTC')::text FROM t WHERE id = 1") == [["9999-12-31 23:59:59.999999", "9999-12-31 23:59:59.999999"]])
        // Verification still sees a change of one microsecond and of one bit.
        let c = try target.connect()
        defer { c.close() }
        try c.executeScript("UPDATE t SET ts = ts - interval '1 microsecond' WHERE id = 2; UPDATE f SET x = x * (1 + 2.2e-16) WHERE id = 1")
        let again = try runProcess(try RetortTool.path(), ["transfer", "--from", source.url.description, "--to", target.url.description, "--verify-only", "--format", "json"])
        let verified = try JSONDecoder().decode(TransferReport.self, from: Data(again.stdout.utf8))
        #expect(Dictionary(uniqueKeysWithValues: verified.tables.map { ($0.table, $0.status) }) == ["f": "mismatch", "t": "mismatch", "j": "ok"], "\(again.stdout) \(again.stderr)")
    }
}
