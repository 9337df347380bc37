import Foundation
import RetortCLI

// A migrate tool for the fleet tests that run it as a process (end to end on three servers, and
// kill -9 of the orchestrating process): every revision inserts a marker row, so a revision
// applied twice on a target would show. A PostgreSQL session may pause in each revision
// (`PGOPTIONS=-c retort_fixture.pause=0.05`), so kills land inside a rollout; the revisions' text
// does not change with it (their checksums stay the same).

enum Fixture {
    /// The marker row revision `id` inserts (and its downgrade deletes).
    static func marker(_ id: String) -> MigrationOperation {
        .execute(RawSQL("INSERT INTO markers (revision) VALUES ('\(id)')", reverse: RawSQL("DELETE FROM markers WHERE revision = '\(id)'")))
    }

    static let pauseSQL = RawSQL(perDialect: [
        .postgres: "SELECT pg_sleep(COALESCE(NULLIF(current_setting('retort_fixture.pause', true), ''), '0')::float8)",
        .sqlite: "SELECT 1",
    ])
    static let pause = MigrationOperation.execute(RawSQL(perDialect: pauseSQL.perDialect, reverse: pauseSQL))

    static let items = Table(
        name: "items",
        columns: [Column("id", .integer), Column("code", .string(20), nullable: true)],
        primaryKey: PrimaryKey(["id"], name: "pk_items"))

    static var models: Schema {
        var table = items
        table.columns.append(Column("note", .text, nullable: true))
        table.indexes = [Index(["code"], unique: true, name: "ux_items_code"), Index(["note"], name: "ix_items_note")]
        return Schema(tables: [Table(name: "markers", columns: [Column("revision", .string(40))]), table])
    }
}

enum F1: Revision {
    static let id = "f1"
    static let parents: [String] = []
    static let message = "markers and items"
    static let createdAt = "2026-12-07T00:00:01Z"
    static let upgrade: [MigrationOperation] = [
        .createTable(Table(name: "markers", columns: [Column("revision", .string(40))])), .createTable(Fixture.items), Fixture.marker(id), Fixture.pause,
    ]
}

enum F2: Revision {
    static let id = "f2"
    static let parents = ["f1"]
    static let message = "add note"
    static let createdAt = "2026-12-07T00:00:02Z"
    static let upgrade: [MigrationOperation] = [.addColumn(table: "items", column: Column("note", .text, nullable: true)), Fixture.marker(id), Fixture.pause]
}

/// Outside a transaction on PostgreSQL (an index built concurrently): resumable after a kill.
enum F3: Revision {
    static let id = "f3"
    static let parents = ["f2"]
    static let message = "index notes"
    static let createdAt = "2026-12-07T00:00:03Z"
    static let transactional = false
    static let upgrade: [MigrationOperation] = [
        .createIndexConcurrently(table: "items", index: Index(["note"], name: "ix_items_note")), Fixture.marker(id), Fixture.pause,
    ]
}

/// Fails where two rows share a code.
enum F4: Revision {
    static let id = "f4"
    static let parents = ["f3"]
    static let message = "unique codes"
    static let createdAt = "2026-12-07T00:00:04Z"
    static let upgrade: [MigrationOperation] = [
        .createIndex(table: "items", index: Index(["code"], unique: true, name: "ux_items_code")), Fixture.marker(id), Fixture.pause,
    ]
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retort-fleet-fixture").path
MigrateTool(
    name: "fleet-fixture", schema: Fixture.models,
    revisions: RevisionSet(revisions: [F1.self, F2.self, F3.self, F4.self], directory: folder, packageDirectory: folder)
).main()
