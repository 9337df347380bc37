import Foundation
import Testing

@testable import Retort
@testable import RetortCLI

enum SplitBase: Revision {
    static let id = "rsplit_01"
    static let parents: [String] = []
    static let message = "base"
    static let createdAt = "2026-01-01T00:00:00Z"
    static let upgrade: [MigrationOperation] = [.createTable(Table("a") { Column("id", .integer).primaryKey() }.namedForTest)]
    static let downgrade: [MigrationOperation] = [.dropTable(Table("a") { Column("id", .integer).primaryKey() }.namedForTest)]
}

enum SplitPair: Revision {
    static let id = "rsplit_02"
    static let parents: [String] = ["rsplit_01"]
    static let message = "two tables"
    static let createdAt = "2026-01-01T00:00:01Z"
    static let tables = [
        Table("b") { Column("id", .integer).primaryKey(); Column("a_id", .integer).references("a", "id") }.namedForTest,
        Table("c") { Column("id", .integer).primaryKey() }.namedForTest,
    ]
    static let upgrade: [MigrationOperation] = tables.map { .createTable($0) }
    static let downgrade: [MigrationOperation] = tables.reversed().map { .dropTable($0) }
}

enum SplitChild: Revision {
    static let id = "rsplit_03"
    static let parents: [String] = ["rsplit_02"]
    static let message = "child"
    static let createdAt = "2026-01-01T00:00:02Z"
    static let upgrade: [MigrationOperation] = [.addColumn(table: "c", column: Column("x", .text, nullable: true))]
    static let downgrade: [MigrationOperation] = [.dropColumn(table: "c", column: Column("x", .text, nullable: true))]
}

extension Table {
    var namedForTest: Table { Schema(tables: [self]).named().tables[0] }
}

@Suite("The split command rewrites revision files", .serialized)
struct SplitCommandTests {
    @Test("split writes the chain, re-links the child and removes the old file")
    func splitFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("retort-split-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let types: [any Revision.Type] = [SplitBase.self, SplitPair.self, SplitChild.self]
        let writer = try RevisionWriter(directory: dir, projectRoot: nil)
        for t in types { try writer.write(RevisionInfo(t)) }
        let tool = MigrateTool(
            name: "t", schema: Schema(), revisions: RevisionSet(revisions: types, directory: dir.path, packageDirectory: dir.path))
        #expect(tool.run(["split", "rsplit_02"]) == ExitStatus.ok)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == [
            "rsplit_01_base.swift", "rsplit_02_s01_two_tables_create_b.swift", "rsplit_02_s02_two_tables_create_c.swift",
            "rsplit_03_child.swift",
        ])
        let child = try String(contentsOf: dir.appendingPathComponent("rsplit_03_child.swift"), encoding: .utf8)
        #expect(child.contains("static let parents: [String] = [\"rsplit_02_s02\"]"))
        let last = try String(contentsOf: dir.appendingPathComponent("rsplit_02_s02_two_tables_create_c.swift"), encoding: .utf8)
        #expect(last.contains("static let replaces: [String] = [\"rsplit_02\"]"))
        // A single-table revision is refused, and nothing changes.
        #expect(tool.run(["split", "rsplit_03"]) == ExitStatus.badInput)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 4)
    }
}
