// The large generated schema `Benchmarks/autogen.sh` measures, shared with the benchmark tool
// (Benchmarks/Sources/retort-bench links this file), so that the quick size the test suite runs
// is the benchmark's own schema.
import Retort

/// Tables of ten mixed-type columns, two indexes and a foreign key each, with views, functions
/// and triggers besides on request.
struct BenchmarkSchema {
    /// The number of tables.
    var tables: Int
    /// How many tables are changed (a column added, a type changed, an index added), spread over
    /// the whole schema: the models of an `autogen`.
    var changed = 0
    /// Every table also has a check and a partial index that PostgreSQL rewrites (BETWEEN, IN):
    /// every table's expressions go through the server's canonicalization.
    var expressions = false
    /// View j reads table j (modulo the tables); every fourth also joins the view before it.
    var views = 0
    /// A plpgsql trigger function and SQL functions of an integer (PostgreSQL).
    var functions = 0
    /// Triggers round the tables: on PostgreSQL they run the trigger function, on SQLite a body of their own.
    var triggers = 0

    /// The schema.
    var schema: Schema {
        let step = changed > 0 ? max(1, tables / changed) : Int.max
        var s = Schema(
            tables: (0..<tables).map { i in table(i, changed: changed > 0 && i % step == 0 && i / step < changed) },
            views: (0..<views).map(view))
        s.functions = (0..<functions).map(function)
        return s
    }

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
        for k in stride(from: i, to: triggers, by: max(tables, 1)) {
            t.triggers.append(Trigger("bench_t\(k)", .before, [.update], function: "bench_touch", body: "SELECT 1;"))
        }
        if changed {
            t.columns.append(Column("nota", .string(200), nullable: true))
            t.columns[4].type = .bigint
            t.indexes.append(Index(["cantidad"]))
        }
        return t
    }

    /// Function 0 is the trigger function; function k an SQL function of an integer.
    func function(_ k: Int) -> Function {
        guard k > 0 else { return Function("bench_touch", returns: "trigger", language: "plpgsql", body: "BEGIN RETURN NEW; END") }
        return Function(
            "bench_f\(k)", arguments: [.init("x", "integer")], returns: "integer", language: "sql", body: "SELECT x + \(k)",
            volatility: .immutable)
    }

    /// View j: a filter over table j (modulo the tables); every fourth also joins the view before it.
    func view(_ j: Int) -> View {
        let t = "bench_\(j % tables)"
        guard j % 4 == 3 else { return View("bench_v\(j)", "SELECT id, nombre, precio FROM \(t) WHERE activo") }
        return View("bench_v\(j)", "SELECT t.id, t.nombre, v.precio FROM \(t) t JOIN bench_v\(j - 1) v ON v.id = t.padre_id")
    }

    /// Creates the schema on an empty database, in transactions of 2,000 statements (one
    /// transaction for 10,000 tables outgrows PostgreSQL's lock table).
    func create(on db: any DatabaseConnection) throws {
        let dialect = db.dialect.implementation
        let ops = try PlanPipeline(dialect: dialect).operations(from: try dialect.introspect(db), to: schema.named())
        let statements = try dialect.render(ops, from: Schema())
        for start in stride(from: 0, to: statements.count, by: 2000) {
            try db.executeScript("BEGIN")
            for statement in statements[start..<min(start + 2000, statements.count)] { try statement.run(on: db) }
            try db.executeScript("COMMIT")
        }
    }
}
