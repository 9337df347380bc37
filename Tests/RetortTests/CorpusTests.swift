import Foundation
import Retort
import Testing

/// The convergence corpus: pairs of schemas (`before.sql`, `after.sql`) per dialect. For each, `diff`
/// between the two live databases is applied to the first, and the result is read back by a reader
/// that is not Retort's (`pg_dump --schema-only`; SQLite's catalog and pragmas read here) and must
/// equal the second; a second `diff` must be empty. A case whose name ends in `_same` holds two
/// spellings of one schema: its first `diff` must already be empty.
@Suite("Convergence corpus: diff reproduces every fixture exactly")
struct CorpusTests {
    @Test("the corpus holds at least 150 PostgreSQL and 50 SQLite cases")
    func size() {
        #expect(Corpus.cases(.postgres).count >= 150)
        #expect(Corpus.cases(.sqlite).count >= 50)
    }

    @Test("PostgreSQL: diff, apply, pg_dump equal, second diff empty", arguments: Corpus.cases(.postgres))
    func postgres(_ name: String) throws {
        try converge(.postgres, name) { db in try PostgresDump.read(db) }
    }

    @Test("SQLite: diff, apply, catalog equal, second diff empty", arguments: Corpus.cases(.sqlite))
    func sqlite(_ name: String) throws {
        try converge(.sqlite, name) { db in try SQLiteCatalog.read(db) }
    }

    func converge(_ dialect: DialectName, _ name: String, read: (TestDatabase) throws -> [String]) throws {
        // `diff` takes no hints: a case whose models rename or backfill is autogen's (CorpusAutogenTests).
        guard Corpus.hints(dialect, name) == nil else { return }
        let tool = try RetortTool.path()
        let isolation = Corpus.isolation(dialect, name)
        let from = try TestDatabase.make(dialect, isolation: isolation), to = try TestDatabase.make(dialect, isolation: isolation)
        do {
            let a = try from.connect(), b = try to.connect()
            defer { a.close(); b.close() }
            try a.executeScript(try Corpus.fixture(dialect, name, "before"))
            try b.executeScript(try Corpus.fixture(dialect, name, "after"))
        }
        let args = ["diff", "--from", from.url.description, "--to", to.url.description]
        let first = try runProcess(tool, args)
        try #require(first.status == 0, "\(name): diff failed: \(first.stderr)")
        if name.hasSuffix("_same") { #expect(first.stdout.isEmpty, "\(name): two spellings of one schema differ:\n\(first.stdout)") }
        do {
            let a = try from.connect()
            defer { a.close() }
            do {
                try a.executeScript(first.stdout)
            } catch {
                Issue.record("\(name): the diff's SQL failed: \(error)\n\(first.stdout)")
                return
            }
        }
        let got = try read(from), want = try read(to)
        #expect(got == want, "\(name): not converged\nonly after applying: \(got.filter { !want.contains($0) })\nonly in after.sql: \(want.filter { !got.contains($0) })\n\(first.stdout)")
        let second = try runProcess(tool, args)
        #expect(second.status == 0 && second.stdout.isEmpty, "\(name): second diff not empty:\n\(second.stdout)\(second.stderr)")
    }
}

/// `pg_dump --schema-only`, normalised: comments, settings and blank lines dropped, the columns of
/// each table sorted (a column added later sits at the end), statements as a sorted list.
enum PostgresDump {
    /// The newest installed server's own pg_dump (the one scripts/test starts the server from), else PATH's.
    static let executable: String = {
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted()
        for v in versions.reversed() where FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(v)/bin/pg_dump") {
            return "/usr/lib/postgresql/\(v)/bin/pg_dump"
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            if FileManager.default.isExecutableFile(atPath: "\(dir)/pg_dump") { return "\(dir)/pg_dump" }
        }
        return "pg_dump"
    }()

    /// The database's schema; for a database kept apart as a schema, only that schema, its name
    /// spelled `public` (and its `CREATE SCHEMA` left out) as in the dump of a database of its own.
    /// The dump as pg_dump prints it, of the database or of its one schema.
    static func raw(_ db: TestDatabase) throws -> String {
        let only = db.schema.map { ["--schema", $0] } ?? []
        let dump = try runProcess(executable, ["--schema-only", "--no-owner", "--no-privileges"] + only + ["-d", db.url.description])
        guard dump.status == 0 else { throw DatabaseError("pg_dump failed: \(dump.stderr)") }
        // Newer pg_dump brackets its output in psql meta-commands (`\\restrict`), which only psql reads.
        return dump.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("\\") }.joined(separator: "\n")
    }

    static func read(_ db: TestDatabase) throws -> [String] {
        let only = db.schema.map { ["--schema", $0] } ?? []
        let dump = try runProcess(executable, ["--schema-only", "--no-owner", "--no-privileges"] + only + ["-d", db.url.description])
        guard dump.status == 0 else { throw DatabaseError("pg_dump failed: \(dump.stderr)") }
        guard let schema = db.schema else { return normalize(dump.stdout) }
        return normalize(dump.stdout).filter { $0 != "CREATE SCHEMA \(schema);" }
            .map { $0.replacingOccurrences(of: "\(schema).", with: "public.") }
    }

    static func normalize(_ text: String) -> [String] {
        let lines = text.split(separator: "\n").map(String.init).filter { line in
            !line.isEmpty && !line.hasPrefix("--") && !line.hasPrefix("\\") && !line.hasPrefix("SET ")
                && !line.hasPrefix("SELECT pg_catalog.set_config")
        }
        var statements: [String] = []
        var current: [String] = []
        for line in lines {
            current.append(line)
            if line.hasSuffix(";") {
                statements.append(statement(current))
                current = []
            }
        }
        if !current.isEmpty { statements.append(statement(current)) }
        return statements.sorted()
    }

    /// One statement; a CREATE TABLE's items are sorted (up to the closing parenthesis, which a
    /// partitioned table's `PARTITION BY` line follows).
    static func statement(_ lines: [String]) -> String {
        guard lines.count > 2, lines[0].hasPrefix("CREATE TABLE"), let close = lines.lastIndex(where: { $0.hasPrefix(")") }), close > 1
        else {
            return lines.joined(separator: "\n")
        }
        let items = lines[1..<close].map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }.sorted()
        return ([lines[0]] + items + lines[close...]).joined(separator: "\n")
    }
}

/// An SQLite schema read from `sqlite_master` and the pragmas, independently of Retort's
/// introspector: names compared case-insensitively, SQL text normalised (spacing, quoting, case).
enum SQLiteCatalog {
    static func read(_ db: TestDatabase) throws -> [String] {
        let c = try db.connect()
        defer { c.close() }
        var out: [String] = []
        let objects = try c.query(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
        for row in objects {
            let type = row[0].string ?? "", name = row[1].string ?? "", sql = row[3].string ?? ""
            switch type {
            case "table":
                let t = SQLText.literal(name)
                // A primary key column counts as NOT NULL: Retort always declares it so (SQLite would
                // otherwise accept NULL in a non-INTEGER key, a known SQLite quirk).
                for col in try c.query("SELECT name, type, \"notnull\" OR pk > 0, dflt_value, pk, hidden FROM pragma_table_xinfo(\(t))") {
                    // A declared type's spacing (`NUMERIC(10, 2)`) and TRUE/FALSE (SQLite's names for 1
                    // and 0) are spellings, not differences.
                    let type = (col[1].string ?? "").uppercased().replacingOccurrences(of: ", ", with: ",")
                    var dflt = normalize(col[3].string ?? "")
                    if dflt == "true" { dflt = "1" }
                    if dflt == "false" { dflt = "0" }
                    out.append(
                        "column \(name.lowercased()).\((col[0].string ?? "").lowercased()) \(type) notnull=\(col[2].int ?? 0) default=\(dflt) pk=\(col[4].int ?? 0) hidden=\(col[5].int ?? 0)")
                }
                for fk in try c.query("SELECT \"table\", \"from\", \"to\", on_update, on_delete, \"match\" FROM pragma_foreign_key_list(\(t))") {
                    out.append("fk \(name.lowercased()) " + fk.map { ($0.string ?? "").lowercased() }.joined(separator: " "))
                }
                let n = normalize(sql)
                for clause in columnClauses(n) { out.append("column \(name.lowercased()).\(clause)") }
                for check in checks(n) { out.append("check \(name.lowercased()) \(check)") }
                let options = try c.query("SELECT strict, wr FROM pragma_table_list WHERE name = \(t) AND schema = 'main'").first
                out.append("table \(name.lowercased()) autoincrement=\(n.contains("autoincrement")) deferred=\(n.components(separatedBy: "initially deferred").count - 1) without_rowid=\(options?[1].int ?? -1) strict=\(options?[0].int ?? -1)")
            case "index":
                let list = try c.query("SELECT \"unique\", origin, partial FROM pragma_index_list(\(SQLText.literal(row[2].string ?? ""))) WHERE name = \(SQLText.literal(name))")
                let keys = try c.query("SELECT name, \"desc\", coll FROM pragma_index_xinfo(\(SQLText.literal(name))) WHERE key = 1 ORDER BY seqno")
                let origin = list.first?[1].string ?? ""
                let label = origin == "c" ? name.lowercased() : "(\(origin))"
                let predicate = normalize(normalize(sql).components(separatedBy: " where ").dropFirst().joined(separator: " where "))
                out.append(
                    "index \(label) on \((row[2].string ?? "").lowercased()) unique=\(list.first?[0].int ?? 0) keys="
                        + keys.map { "\(($0[0].string ?? "expr").lowercased()) \($0[1].int ?? 0) \(($0[2].string ?? "").uppercased())" }.joined(separator: ",")
                        + " where=\(predicate)")
            case "trigger":
                // FOR EACH ROW is SQLite's only mode, written or not.
                out.append("trigger \(name.lowercased()) \(normalize(sql).replacingOccurrences(of: " for each row ", with: " "))")
            default:
                out.append("\(type) \(name.lowercased()) \(normalize(sql))")
            }
        }
        return out.sorted()
    }

    /// Lower case, double quotes removed, white space collapsed and dropped around punctuation,
    /// parentheses around the whole dropped.
    static func normalize(_ sql: String) -> String {
        var s = flatten(sql)
        while s.hasPrefix("("), s.hasSuffix(")"), closesAtEnd(s) { s = String(s.dropFirst().dropLast()) }
        return s
    }

    /// True when the opening parenthesis of `s` closes at its last character.
    static func closesAtEnd(_ s: String) -> Bool {
        var depth = 0
        for (i, ch) in s.enumerated() {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth -= 1 }
            if depth == 0 { return i == s.count - 1 }
        }
        return false
    }

    static func flatten(_ sql: String) -> String {
        var s = ""
        var inString = false
        var space = false
        for ch in sql {
            if inString {
                s.append(ch)
                if ch == "'" { inString = false }
                continue
            }
            if ch == "'" { inString = true }
            if ch == "\"" || ch == "`" { continue }
            if ch.isWhitespace { space = true; continue }
            if space, let last = s.last, !"(,=<>+-*/".contains(last), !"),=<>+-*/".contains(ch) { s.append(" ") }
            space = false
            s.append(contentsOf: ch.lowercased())
        }
        return s
    }

    /// Per column of normalised table SQL, what the pragmas do not tell: its collation (BINARY
    /// when none is named) and its generation expression, as `name collate=… generated=…`.
    static func columnClauses(_ sql: String) -> [String] {
        guard let open = sql.firstIndex(of: "(") else { return [] }
        var items: [String] = [], current = "", depth = 0, inString = false
        for ch in sql[sql.index(after: open)...] {
            if ch == "'" { inString.toggle() }
            if !inString, ch == "(" { depth += 1 }
            if !inString, ch == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            if !inString, depth == 0, ch == "," {
                items.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        items.append(current)
        return items.compactMap { item in
            let words = item.split(separator: " ")
            guard let first = words.first, !["constraint", "primary", "unique", "check", "foreign"].contains(String(first)) else { return nil }
            var collation = "binary"
            if let i = words.firstIndex(of: "collate"), i + 1 < words.count { collation = String(words[i + 1].prefix { $0 != "(" && $0 != "," }) }
            var generated = ""
            if let r = item.range(of: " as(") ?? item.range(of: " as (") {
                var depth = 1, i = r.upperBound
                while i < item.endIndex, depth > 0 {
                    if item[i] == "(" { depth += 1 }
                    if item[i] == ")" { depth -= 1 }
                    i = item.index(after: i)
                }
                generated = normalize(String(item[r.upperBound..<item.index(before: i)]))
            }
            return "\(first) collate=\(collation) generated=\(generated)"
        }
    }

    /// The bodies of CHECK constraints in normalised table SQL.
    static func checks(_ sql: String) -> [String] {
        var found: [String] = []
        var rest = Substring(sql)
        while let r = rest.range(of: "check(") ?? rest.range(of: "check (") {
            var depth = 1
            var i = r.upperBound
            while i < rest.endIndex, depth > 0 {
                if rest[i] == "(" { depth += 1 }
                if rest[i] == ")" { depth -= 1 }
                i = rest.index(after: i)
            }
            found.append(normalize(String(rest[r.upperBound..<rest.index(before: i)])))
            rest = rest[i...]
        }
        return found.sorted()
    }
}
