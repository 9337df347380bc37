// A migrate tool whose models are a large generated schema, for Benchmarks/autogen.sh.
//
//   retort-bench setup --url URL       creates the schema of RETORT_BENCH_TABLES tables (unchanged models)
//   retort-bench introspect --url URL  times introspection alone and counts its queries
//   retort-bench queries --url URL --out FILE   writes introspection's catalog queries as one script (the floor)
//   retort-bench autogen …             the real command, with RETORT_BENCH_CHANGED tables changed
import Foundation
import RetortCLI

let environment = ProcessInfo.processInfo.environment
let tableCount = Int(environment["RETORT_BENCH_TABLES"] ?? "") ?? 2000
let changed = Int(environment["RETORT_BENCH_CHANGED"] ?? "") ?? 0
/// With RETORT_BENCH_EXPRESSIONS=1 every table also has a check and a partial index that PostgreSQL
/// rewrites (BETWEEN, IN): every table's expressions go through the server's canonicalization.
let expressions = environment["RETORT_BENCH_EXPRESSIONS"] == "1"
let revisionsDirectory = environment["RETORT_BENCH_REVISIONS"] ?? NSTemporaryDirectory() + "retort-bench-revisions"
/// With RETORT_BENCH_VIEWS=N the schema also has N views: view j reads table j, and every fourth
/// reads the view before it as well (a view over a view).
let viewCount = Int(environment["RETORT_BENCH_VIEWS"] ?? "") ?? 0
/// With RETORT_BENCH_FUNCTIONS=N the schema also has N functions (PostgreSQL): a plpgsql trigger
/// function and N - 1 SQL functions of an integer.
let functionCount = Int(environment["RETORT_BENCH_FUNCTIONS"] ?? "") ?? 0
/// With RETORT_BENCH_TRIGGERS=N the tables have N triggers in all (round the tables): on
/// PostgreSQL they run the trigger function, on SQLite a body of their own.
let triggerCount = Int(environment["RETORT_BENCH_TRIGGERS"] ?? "") ?? 0

/// Table i: ten columns of mixed types, two indexes and a foreign key to an earlier table.
func table(_ i: Int, changed: Bool) -> Table {
    var t = Table("bench_\(i)") {
        Column("id", .bigint).primaryKey(autoincrement: true)
        Column("nombre", .string(120))
        Column("descripcion", .text, nullable: true)
        Column("precio", .decimal(12, 2), default: 0)
        Column("cantidad", .integer, default: 0)
        Column("activo", .boolean, default: true)
        Column("creado_en", .timestamptz, default: .currentTimestamp)
        Column("codigo", .uuid, nullable: true)
        Column("datos", .json, nullable: true)
        Column("padre_id", .bigint, nullable: true)
        Index("nombre")
        Index("creado_en", "activo")
    }
    t.foreignKeys.append(ForeignKey(["padre_id"], references: "bench_\(i == 0 ? 0 : (i - 1) / 2)", ["id"]))
    if expressions {
        t.checks.append(CheckConstraint("ck_bench_\(i)_cantidad", "cantidad BETWEEN 0 AND 1000000"))
        t.indexes.append(Index(["precio"], name: "ix_bench_\(i)_abiertos", where: "activo AND cantidad IN (1, 2, 3)"))
    }
    for k in stride(from: i, to: triggerCount, by: max(tableCount, 1)) {
        t.triggers.append(Trigger("bench_t\(k)", .before, [.update], function: "bench_touch", body: "SELECT 1;"))
    }
    if changed {
        t.columns.append(Column("nota", .string(200), nullable: true))
        t.columns[4].type = .bigint
        t.indexes.append(Index(["cantidad"]))
    }
    return t
}

// The changed tables are spread over the whole schema.
let step = changed > 0 ? max(1, tableCount / changed) : Int.max
/// Built on first use, as a user's models (a global of their models module) are.
enum Models {
    static let schema: Schema = {
        var s = Schema(
            tables: (0..<tableCount).map { i in table(i, changed: changed > 0 && i % step == 0 && i / step < changed) },
            views: (0..<viewCount).map(view))
        s.functions = (0..<functionCount).map(function)
        return s
    }()
}

/// Function 0 is the trigger function; function k an SQL function of an integer.
func function(_ k: Int) -> Function {
    guard k > 0 else { return Function("bench_touch", returns: "trigger", language: "plpgsql", body: "BEGIN RETURN NEW; END") }
    return Function("bench_f\(k)", arguments: [.init("x", "integer")], returns: "integer", language: "sql", body: "SELECT x + \(k)", volatility: .immutable)
}

/// View j: a filter over table j (modulo the tables); every fourth also joins the view before it.
func view(_ j: Int) -> View {
    let t = "bench_\(j % tableCount)"
    guard j % 4 == 3 else { return View("bench_v\(j)", "SELECT id, nombre, precio FROM \(t) WHERE activo") }
    return View("bench_v\(j)", "SELECT t.id, t.nombre, v.precio FROM \(t) t JOIN bench_v\(j - 1) v ON v.id = t.padre_id")
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
    func executeScript(_ sql: String) throws { count += 1; try inner.executeScript(sql) }
    func execute(_ sql: String, _ parameters: [SQLValue]) throws { count += 1; try inner.execute(sql, parameters) }
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
        let dialect = db.dialect.implementation
        let ops = try PlanPipeline(dialect: dialect).operations(from: try dialect.introspect(db), to: Models.schema.named())
        let statements = try dialect.render(ops, from: Schema())
        // Commit in batches: one transaction for 10,000 tables outgrows the server's lock table.
        for start in stride(from: 0, to: statements.count, by: 2000) {
            try db.executeScript("BEGIN")
            for statement in statements[start..<min(start + 2000, statements.count)] { try statement.run(on: db) }
            try db.executeScript("COMMIT")
        }
        print("created \(Models.schema.tables.count) tables")
    case "introspect":
        let db = CountingConnection(try DatabaseURL(option("--url") ?? "").connect())
        let start = Date()
        let schema = try db.dialect.implementation.introspect(db)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "introspection: %d tables in %.3f s with %d queries", schema.tables.count, seconds, db.count))
    case "queries":
        // The catalog queries introspection runs, as one script for `psql -f` or `sqlite3`: the floor.
        let db = CountingConnection(try DatabaseURL(option("--url") ?? "").connect())
        _ = try db.dialect.implementation.introspect(db)
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
