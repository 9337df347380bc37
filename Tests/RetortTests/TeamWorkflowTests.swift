import Foundation
import Logging
import Testing

@testable import Retort
@testable import RetortCLI

@Suite("Team workflow: branches, merge, stamp, integrity, check, start-up")
struct TeamWorkflowTests {
    static let base = Table("base") { Column("id", .integer).primaryKey() }.namedForTest
    static let tableA = Table("rama_a") { Column("id", .integer).primaryKey() }.namedForTest
    static let tableB = Table("rama_b") { Column("id", .integer).primaryKey() }.namedForTest

    static func branches() throws -> [RevisionInfo] {
        [
            try revision("r0", [.createTable(base)]),
            try revision("ra", parents: ["r0"], [.createTable(tableA)]),
            try revision("rb", parents: ["r0"], [.createTable(tableB)]),
        ]
    }

    @Test("two heads are refused by head, applied by heads, joined by a merge; downgrading one branch keeps the other",
          arguments: allDialects)
    func branchesAndMerge(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let split = try graph(try Self.branches())
        #expect(split.heads == ["ra", "rb"])
        #expect(split.branchPoints == ["r0"])
        let migrator = Migrator(graph: split, connection: db)
        #expect(throws: RevisionError("there are 2 heads (ra, rb); run 'merge heads -m MESSAGE' to join them, or target 'heads'")) {
            try migrator.upgrade(to: "head")
        }
        #expect(try userTables(db) == [])
        try migrator.upgrade(to: "heads")
        #expect(try migrator.heads() == ["ra", "rb"])
        #expect(try db.query("SELECT count(*) FROM retort_version").first?.first?.int == 2)

        let merged = try graph(try Self.branches() + [try revision("rm", parents: ["ra", "rb"], [])])
        let m = Migrator(graph: merged, connection: db)
        try m.upgrade(to: "head")
        #expect(try m.heads() == ["rm"])
        try m.downgrade(to: "ra-1")
        #expect(try m.heads() == ["rb"])
        #expect(try userTables(db) == ["base", "rama_b"])
        try m.upgrade(to: "head")
        #expect(try userTables(db) == ["base", "rama_a", "rama_b"])
        try m.downgrade(to: "base")
        #expect(try userTables(db) == [])
    }

    @Test("stamp sets the version table without running anything; --purge forgets unknown ids", arguments: allDialects)
    func stamp(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let g = try graph(try Self.branches() + [try revision("rm", parents: ["ra", "rb"], [])])
        let migrator = Migrator(graph: g, connection: db)
        #expect(try migrator.stamp("head") == ["rm"])
        #expect(try userTables(db) == [])
        try db.execute("UPDATE retort_version SET revision = 'gone'")
        #expect(throws: IntegrityError.self) { try migrator.stamp("r0") }
        #expect(try migrator.stamp("r0", purge: true) == ["r0"])
        #expect(try migrator.heads() == ["r0"])
        let script = try OfflineSQL(graph: g, dialect: dialect.implementation).stamp("heads")
        #expect(script.contains("INSERT INTO \"retort_version\" (revision) VALUES ('rm');"))
    }

    @Test("an applied revision edited afterwards is detected and refused unless accepted", arguments: allDialects)
    func integrity(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let r0 = try revision("r0", [.createTable(Self.base)])
        try Migrator(graph: try graph([r0]), connection: db).upgrade(to: "head")
        var edited = r0
        edited.upgrade.append(.createIndex(table: "base", index: Index(["id"], name: "ix_extra")))
        let next = try revision("r1", parents: ["r0"], [.createTable(Self.tableA)])
        let migrator = Migrator(graph: try graph([edited, next]), connection: db)
        #expect(try migrator.integrityProblems() == [IntegrityProblem(revision: "r0", kind: .edited)])
        #expect(throws: IntegrityError.self) { try migrator.upgrade(to: "head") }
        #expect(try userTables(db) == ["base"])
        try migrator.upgrade(to: "head", acceptChanged: true)
        #expect(try migrator.integrityProblems() == [])
        #expect(try userTables(db) == ["base", "rama_a"])
    }

    @Test("migrating at start-up: concurrent callers, each revision once, logged; failures throw", arguments: allDialects)
    func startup(dialect: DialectName) async throws {
        let test = try TestDatabase.make(dialect)
        let lines = LogLines()
        var logger = Logger(label: "test") { _ in CollectingLogHandler(lines: lines) }
        logger.logLevel = .info
        let types: [any Revision.Type] = [SplitBase.self, SplitPair.self, SplitChild.self]
        let url = test.url.description
        let migrator = StartupMigrator(url: url, revisions: types, logger: logger)
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { try await migrator.run() } }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(applied.sorted() == ["rsplit_01", "rsplit_02", "rsplit_03"])
        #expect(lines.all.filter { $0.hasPrefix("applied ") }.count == 3)
        let db = try test.connect()
        defer { db.close() }
        #expect(try Migrator(graph: try graph(types.map(RevisionInfo.init)), connection: db).heads() == ["rsplit_03"])

        let fresh = try TestDatabase.make(dialect)
        let broken = StartupMigrator(url: fresh.url.description, revisions: [SplitBase.self, BrokenRevision.self], logger: logger)
        await #expect(throws: StartupMigrationError.self) { try await broken.run() }
        #expect(lines.all.contains { $0.contains("cannot bring the database to head") && $0.contains("rolled back") })
    }
}

enum BrokenRevision: Revision {
    static let id = "rsplit_02"
    static let parents: [String] = ["rsplit_01"]
    static let message = "broken"
    static let createdAt = "2026-01-01T00:00:01Z"
    static let upgrade: [MigrationOperation] = [.execute(RawSQL("SELECT * FROM no_such_table"))]
    static let downgrade: [MigrationOperation] = []
}

final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

struct CollectingLogHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        lines.append(message.description)
    }
}
