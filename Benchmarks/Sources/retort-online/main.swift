// The online-migration benchmark (Benchmarks/online.sh): a table with many rows, a steady write load
// from another process, and a migration that adds a NOT NULL `categoria` (existing rows get
// 'General') plus an index — as one plain transactional revision, or as the `autogen --safe` plan.
//
//   retort-online setup   --url URL --rows N     creates and fills `tareas`
//   retort-online load    --url URL --rate R --stop-file F   writes R/s (half inserts, half updates)
//                                                 until F exists; prints the longest single write
//   retort-online migrate --url URL --plan plain|safe      upgrades; prints the time it took
import Foundation
import Retort

func option(_ name: String) -> String? {
    guard let i = CommandLine.arguments.firstIndex(of: name), i + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[i + 1]
}

let before = Schema {
    Table("tareas") {
        Column("id", .bigint).primaryKey(autoincrement: true)
        Column("nombre", .string(200))
        Column("prioridad", .smallint, default: 3)
        Column("creado_en", .timestamptz, default: .currentTimestamp)
    }
}

let after = Schema {
    Table("tareas") {
        Column("id", .bigint).primaryKey(autoincrement: true)
        Column("nombre", .string(200))
        Column("prioridad", .smallint, default: 3)
        Column("creado_en", .timestamptz, default: .currentTimestamp)
        Column("categoria", .string(50)).backfill("General")
        Index("nombre", name: "ix_tareas_nombre")
    }
}

let base = RevisionInfo(
    id: "r0001", parents: [], message: "create tareas", createdAt: "2026-01-01T00:00:00Z",
    upgrade: [.createTable(before.named().tables[0])])

func run() throws {
    let db = try DatabaseURL(option("--url") ?? "").connect(create: true)
    defer { db.close() }
    switch CommandLine.arguments.dropFirst().first {
    case "setup":
        let rows = Int(option("--rows") ?? "") ?? 1_000_000
        try Migrator(graph: try RevisionGraph([base]), connection: db).upgrade(to: "head")
        try db.executeScript("INSERT INTO tareas (nombre, prioridad) SELECT 'tarea ' || g, 1 + g % 5 FROM generate_series(1, \(rows)) g")
        try db.executeScript("VACUUM ANALYZE tareas")
        print("created tareas with \(rows) rows")
    case "load":
        let rate = Double(option("--rate") ?? "") ?? 500
        let stop = option("--stop-file") ?? "/nonexistent"
        let maxID = try db.query("SELECT max(id) FROM tareas").first?.first?.int ?? 1
        var longest = 0.0, writes = 0, failed = 0
        // The "new code" names categoria once it exists (checked every 20 writes); until then the
        // inserts are the old code's, which the expand step's temporary default serves.
        var newCode = false
        let start = Date()
        while !FileManager.default.fileExists(atPath: stop), Date().timeIntervalSince(start) < 3600 {
            let due = start.addingTimeInterval(Double(writes) / rate)
            let wait = due.timeIntervalSinceNow
            if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
            if writes % 20 == 0, !newCode {
                newCode = try !db.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'tareas' AND column_name = 'categoria'").isEmpty
            }
            let began = Date()
            do {
                if writes % 2 == 0 {
                    try db.execute(
                        "UPDATE tareas SET prioridad = $1 WHERE id = $2", [.integer(Int64(1 + writes % 5)), .integer(Int64.random(in: 1...maxID))])
                } else if newCode {
                    try db.execute("INSERT INTO tareas (nombre, categoria) VALUES ($1, 'Web')", [.text("nueva \(writes)")])
                } else {
                    try db.execute("INSERT INTO tareas (nombre) VALUES ($1)", [.text("nueva \(writes)")])
                }
            } catch {
                failed += 1
            }
            longest = max(longest, Date().timeIntervalSince(began))
            writes += 1
        }
        print(String(format: "load: %d writes in %.1f s (%d failed); longest single write %.1f ms", writes, Date().timeIntervalSince(start), failed, longest * 1000))
    case "migrate":
        let plan = option("--plan") ?? "safe"
        let generator = try Autogenerator(models: after, graph: try RevisionGraph([base]))
        var revisions: [RevisionInfo]
        if plan == "safe" {
            revisions = try generator.revisions(message: "categoria", db: db, safe: true, idToken: "safe")
        } else {
            // What one writes by hand without the safety pass: one transaction.
            revisions = [RevisionInfo(
                id: "r0002", parents: [base.id], message: "categoria (plain)", createdAt: "2026-01-02T00:00:00Z",
                upgrade: [
                    .addColumn(table: "tareas", column: Column("categoria", .string(50), nullable: true)),
                    .batchedUpdate(BatchedUpdate("tareas", set: [ColumnAssignment("categoria", "'General'")], where: "categoria IS NULL")),
                    .alterColumn(table: "tareas", from: Column("categoria", .string(50), nullable: true), to: Column("categoria", .string(50))),
                    .createIndex(table: "tareas", index: Index(["nombre"], name: "ix_tareas_nombre")),
                ])]
        }
        let start = Date()
        try Migrator(graph: try RevisionGraph([base] + revisions), connection: db).upgrade(to: "head")
        print(String(format: "migrate (%@): %d revision(s) in %.2f s", plan, revisions.count, Date().timeIntervalSince(start)))
    default:
        print("usage: retort-online setup|load|migrate --url URL …")
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
