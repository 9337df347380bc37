// A migrate tool whose models are a large generated schema, for Benchmarks/autogen.sh.
//
//   retort-bench setup --url URL       creates the schema of RETORT_BENCH_TABLES tables (unchanged models)
//   retort-bench introspect --url URL  times introspection alone and counts its queries
//   retort-bench queries --url URL --out FILE   writes what check --no-history asks of the database as one script (the floor)
//   retort-bench autogen …             the real command, with RETORT_BENCH_CHANGED tables changed
import Foundation
import RetortCLI

let environment = ProcessInfo.processInfo.environment
let revisionsDirectory = environment["RETORT_BENCH_REVISIONS"] ?? NSTemporaryDirectory() + "retort-bench-revisions"
/// The schema, from RETORT_BENCH_TABLES (2000), RETORT_BENCH_CHANGED (tables changed in the
/// models), RETORT_BENCH_EXPRESSIONS=1, RETORT_BENCH_VIEWS, RETORT_BENCH_FUNCTIONS and
/// RETORT_BENCH_TRIGGERS (see `BenchmarkSchema`, which the test suite's quick size shares).
let bench = BenchmarkSchema(
    tables: Int(environment["RETORT_BENCH_TABLES"] ?? "") ?? 2000,
    changed: Int(environment["RETORT_BENCH_CHANGED"] ?? "") ?? 0,
    expressions: environment["RETORT_BENCH_EXPRESSIONS"] == "1",
    views: Int(environment["RETORT_BENCH_VIEWS"] ?? "") ?? 0,
    functions: Int(environment["RETORT_BENCH_FUNCTIONS"] ?? "") ?? 0,
    triggers: Int(environment["RETORT_BENCH_TRIGGERS"] ?? "") ?? 0)

/// Built on first use, as a user's models (a global of their models module) are.
enum Models {
    static let schema: Schema = bench.schema
}

func option(_ name: String) -> String? {
    guard let i = CommandLine.arguments.firstIndex(of: name), i + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[i + 1]
}

final class CountingConnection: DatabaseConnection {
    let inner: any DatabaseConnection
    var count = 0
    /// Every query, with its parameters written in as literals: what `psql` or `sqlite3` would run.
    var recorded: [String] = []

    func record(_ sql: String, _ parameters: [SQLValue]) {
        var text = sql
        // $10 before $1: replace from the highest number down.
        for (i, value) in parameters.enumerated().reversed() {
            let literal: String
            switch value {
            case .null: literal = "NULL"
            case .integer(let n): literal = String(n)
            case .double(let d): literal = String(d)
            case .text(let t): literal = SQLText.literal(t)
            case .blob(let b): literal = "'\\x" + b.map { String(format: "%02x", $0) }.joined() + "'"
            }
            text = text.replacingOccurrences(of: "$\(i + 1)", with: literal)
        }
        recorded.append(text)
    }
    init(_ inner: any DatabaseConnection) { self.inner = inner }
    var dialect: DialectName { inner.dialect }
    func executeScript(_ sql: String) throws {
        count += 1
        record(sql, [])
        try inner.executeScript(sql)
    }
    func execute(_ sql: String, _ parameters: [SQLValue]) throws {
        count += 1
        record(sql, parameters)
        try inner.execute(sql, parameters)
    }
    func query(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]] {
        count += 1
        record(sql, parameters)
        let start = Date()
        defer {
            if environment["RETORT_BENCH_TRACE"] == "1" {
                FileHandle.standardError.write(Data(String(format: "  query %d: %.3f s\n", count, Date().timeIntervalSince(start)).utf8))
            }
        }
        return try inner.query(sql, parameters)
    }
    func queryResult(_ sql: String, _ parameters: [SQLValue]) throws -> QueryResult {
        count += 1
        record(sql, parameters)
        let start = Date()
        defer {
            if environment["RETORT_BENCH_TRACE"] == "1" {
                FileHandle.standardError.write(Data(String(format: "  query %d: %.3f s\n", count, Date().timeIntervalSince(start)).utf8))
            }
        }
        return try inner.queryResult(sql, parameters)
    }
    func close() { inner.close() }
}

func run() throws {
    switch CommandLine.arguments.dropFirst().first {
    case "setup":
        let db = try DatabaseURL(option("--url") ?? "").connect()
        var unchanged = bench
        unchanged.changed = 0
        try unchanged.create(on: db)
        print("created \(Models.schema.tables.count) tables")
    case "introspect":
        let db = CountingConnection(try DatabaseURL(option("--url") ?? "").connect())
        let start = Date()
        let schema = try db.dialect.implementation.introspect(db)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "introspection: %d tables in %.3f s with %d queries", schema.tables.count, seconds, db.count))
    case "queries":
        // What `check --no-history` asks of the database, as one script for `psql -f` or `sqlite3`:
        // the floor. The catalog queries of introspection, and when the models hold what the
        // server must spell (views, expressions), the statements that build and read the scratch
        // schema (in a transaction that is rolled back, so the script runs again and again).
        let db = CountingConnection(try DatabaseURL(option("--url") ?? "").connect())
        let differences = try Autogenerator(models: Models.schema, graph: try RevisionGraph([])).differences(db)
        guard differences.isEmpty else { throw ModelError("the database differs from the models: \(differences.count) operations") }
        let script = db.recorded.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) + ";\n" }.joined()
        try script.write(toFile: option("--out") ?? "/dev/stdout", atomically: false, encoding: .utf8)
        print("\(db.recorded.count) queries")
    default:
        MigrateTool(
            name: "retort-bench", schema: Models.schema,
            revisions: RevisionSet(revisions: [], directory: revisionsDirectory, packageDirectory: revisionsDirectory)
        ).main()
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
