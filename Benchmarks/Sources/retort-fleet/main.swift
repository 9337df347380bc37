// A migrate tool for Benchmarks/fleet.sh: every tenant schema holds 20 tables (revision r1); r2
// adds a column and an index to one of them, the change the benchmark rolls out over the fleet.
import Foundation
import RetortCLI

enum Tenant {
    static func table(_ i: Int) -> Table {
        let name = String(format: "t%02d", i)
        return Table(
            name: name,
            columns: [
                Column("id", .bigint), Column("name", .string(100)), Column("amount", .decimal(12, 2), nullable: true),
                Column("created_at", .timestamp(withTimeZone: true)), Column("active", .boolean),
            ],
            primaryKey: PrimaryKey(["id"], name: "pk_\(name)"))
    }

    static let tables = (1...20).map(table)
    static let note = Column("note", .text, nullable: true)
    static let index = Index(["note"], name: "ix_t01_note")

    static var models: Schema {
        var tables = Self.tables
        tables[0].columns.append(note)
        tables[0].indexes = [index]
        return Schema(tables: tables)
    }
}

enum R1: Revision {
    static let id = "r1"
    static let parents: [String] = []
    static let message = "twenty tables"
    static let createdAt = "2026-12-07T00:00:01Z"
    static let upgrade: [MigrationOperation] = Tenant.tables.map { .createTable($0) }
}

enum R2: Revision {
    static let id = "r2"
    static let parents = ["r1"]
    static let message = "a column and an index"
    static let createdAt = "2026-12-07T00:00:02Z"
    static let upgrade: [MigrationOperation] = [.addColumn(table: "t01", column: Tenant.note), .createIndex(table: "t01", index: Tenant.index)]
}

let folder = NSTemporaryDirectory() + "retort-fleet-bench"
MigrateTool(
    name: "retort-fleet", schema: Tenant.models,
    revisions: RevisionSet(revisions: [R1.self, R2.self], directory: folder, packageDirectory: folder)
).main()
