import Foundation
import Testing

@testable import Retort
@testable import RetortCLI

/// Adds column `note` to table `a` of `SplitBase`.
enum DataLossAddNote: Revision {
    static let id = "rloss_02"
    static let parents: [String] = ["rsplit_01"]
    static let message = "add note"
    static let createdAt = "2026-01-02T00:00:00Z"
    static let upgrade: [MigrationOperation] = [.addColumn(table: "a", column: Column("note", .text, nullable: true))]
}

/// A downgrade never deletes rows without a word: it names what it would delete and refuses
/// unless a backup is taken or the loss is acknowledged.
@Suite("Downgrades that would delete rows refuse without --backup or --accept-data-loss")
struct DataLossTests {
    @Test("tables and columns holding rows are named with their counts; nothing runs; a backup or the flag lets it run",
          arguments: allDialects)
    func refuse(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-loss-\(UUID().uuidString)")
        let models = Schema { Table("a") { Column("id", .integer).primaryKey(); Column("note", .text, nullable: true) } }
        let tool = MigrateTool(
            name: "t", schema: models,
            revisions: RevisionSet(revisions: [SplitBase.self, DataLossAddNote.self], directory: dir.path, packageDirectory: dir.path))
        let url = ["--url", test.url.description]
        #expect(tool.run(["upgrade", "head"] + url) == ExitStatus.ok)
        // Empty tables and columns go without a question.
        #expect(tool.run(["downgrade", "base"] + url) == ExitStatus.ok)
        #expect(tool.run(["upgrade", "head"] + url) == ExitStatus.ok)
        let db = try test.connect()
        defer { db.close() }
        try db.execute("INSERT INTO a (id) SELECT g FROM (WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < 2500) SELECT g FROM s) AS n")
        try db.execute("UPDATE a SET note = 'kept' WHERE id <= 12")
        let migrator = Migrator(graph: try tool.revisions.graph(), connection: db)
        #expect(try migrator.dataAtRisk(downgradingTo: "base") == [
            DataAtRisk(table: "a", column: "note", rows: 12), DataAtRisk(table: "a", column: nil, rows: 2500),
        ])
        #expect("\(DataLossError(target: "base", risks: try migrator.dataAtRisk(downgradingTo: "base")))".contains(
            "column a.note (12 rows), table a (2500 rows)"))
        #expect(tool.run(["downgrade", "base"] + url) == ExitStatus.dataLoss)
        #expect(tool.run(["downgrade", "-1"] + url) == ExitStatus.dataLoss)
        #expect(try db.query("SELECT count(note) FROM a").first?.first?.int == 12, "nothing ran")
        // A column with no data left goes; the table's rows still stop `base`.
        try db.execute("UPDATE a SET note = NULL")
        #expect(tool.run(["downgrade", "-1"] + url) == ExitStatus.ok)
        #expect(tool.run(["downgrade", "base"] + url) == ExitStatus.dataLoss)
        let backup = FileManager.default.temporaryDirectory.appendingPathComponent("retort-loss-\(UUID().uuidString).backup").path
        defer { try? FileManager.default.removeItem(atPath: backup) }
        #expect(tool.run(["downgrade", "base", "--backup", backup] + url) == ExitStatus.ok)
        #expect(FileManager.default.fileExists(atPath: backup))
        #expect(try userTables(db).isEmpty)
        #expect(tool.run(["upgrade", "head"] + url) == ExitStatus.ok)
        try db.execute("INSERT INTO a (id) VALUES (1)")
        #expect(tool.run(["downgrade", "base", "--accept-data-loss"] + url) == ExitStatus.ok)
        #expect(try userTables(db).isEmpty)
    }
}

/// The models' expressions are checked on SQLite as they are on PostgreSQL.
@Suite("Model expressions naming missing columns are model errors on both dialects")
struct ModelExpressionTests {
    @Test("a check, a partial index, an expression index and a generated column naming a missing column", arguments: allDialects)
    func missingColumns(dialect: DialectName) throws {
        let bad: [Schema] = [
            Schema { Table("t") { Column("id", .integer).primaryKey(); Column("a", .integer); Check("c", "missing > 0") } },
            Schema { Table("t") { Column("id", .integer).primaryKey(); Column("a", .integer); Index("a", where: "missing IS NOT NULL") } },
            Schema { Table("t") { Column("id", .integer).primaryKey(); Column("a", .integer); Index(keys: [.expression("lower(missing)")]) } },
            Schema { Table("t") { Column("id", .integer).primaryKey(); Column("a", .integer, generated: .stored("missing * 2")) } },
        ]
        for models in bad {
            let test = try TestDatabase.make(dialect)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-expr-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            let tool = MigrateTool(name: "t", schema: models, revisions: RevisionSet(revisions: [], directory: dir.path, packageDirectory: dir.path))
            #expect(tool.run(["upgrade", "head", "--url", test.url.description]) == ExitStatus.ok)
            #expect(tool.run(["autogen", "-m", "x", "--url", test.url.description]) == ExitStatus.badInput, "\(dialect) \(models.tables[0])")
            #expect(tool.run(["check", "--no-history", "--url", test.url.description]) == ExitStatus.badInput, "\(dialect)")
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).isEmpty, "nothing written")
        }
        // The same table with its column: no error.
        let good = Schema { Table("t") { Column("id", .integer).primaryKey(); Column("missing", .integer); Check("c", "missing > 0"); Index(keys: [.expression("abs(missing)")]) } }
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        _ = try dialect.implementation.canonicalForms(of: try good.named(), comparedWith: Schema(), on: db)
    }
}
