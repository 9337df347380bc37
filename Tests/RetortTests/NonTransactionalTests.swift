import Foundation
import Retort
import Testing

/// Revisions that do not run in one transaction: concurrent index builds, steps that commit one by
/// one, a progress record, and runs killed part-way that resume and finish exactly once.
@Suite("Non-transactional revisions: resumable steps, concurrent index builds, kill -9", .serialized)
struct NonTransactionalTests {
    static let table = MigrationOperation.createTable(
        Table(name: "t", columns: [Column("id", .integer), Column("n", .integer, nullable: true)], primaryKey: PrimaryKey(["id"], name: "pk_t")))
    static let index = Index(["n"], name: "ix_t_n")

    static func graph(_ second: RevisionInfo) throws -> RevisionGraph {
        try RevisionGraph([RevisionInfo(id: "r1", parents: [], message: "create t", createdAt: "2026-01-01T00:00:00Z", upgrade: [table]), second])
    }

    @Test("a concurrent index build runs outside a transaction, and is refused inside one on PostgreSQL", arguments: allDialects)
    func concurrentIndex(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let ops: [MigrationOperation] = [.createIndexConcurrently(table: "t", index: Self.index), .addColumn(table: "t", column: Column("m", .text, nullable: true))]
        let loose = try Self.graph(RevisionInfo(id: "r2", parents: ["r1"], message: "index", createdAt: "2026-01-02T00:00:00Z", upgrade: ops, transactional: false))
        try Migrator(graph: loose, connection: db).upgrade(to: "head")
        #expect(try db.dialect.implementation.introspect(db).table("t")?.indexes.map(\.name) == ["ix_t_n"])
        #expect(try db.query("SELECT count(*) FROM retort_progress").first?.first?.int == 0)
        try Migrator(graph: loose, connection: db).downgrade(to: "r1")
        #expect(try db.dialect.implementation.introspect(db).table("t")?.indexes == [])

        let strict = try Self.graph(RevisionInfo(id: "r2", parents: ["r1"], message: "index", createdAt: "2026-01-02T00:00:00Z", upgrade: ops))
        if dialect == .postgres {
            let error = #expect(throws: MigrationError.self) { try Migrator(graph: strict, connection: db).upgrade(to: "head") }
            #expect(error?.reason.contains("static let transactional = false") == true)
        } else {
            try Migrator(graph: strict, connection: db).upgrade(to: "head")  // SQLite builds it plainly
        }
    }

    @Test("a failed step keeps the steps before it; the next run resumes after them and finishes once", arguments: allDialects)
    func resume(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let failures = Counter(1)
        let flaky = CustomCode("fails once") { db in
            if failures.take() { throw DatabaseError("simulated failure") }
            try db.execute("UPDATE t SET n = 7", [])
        }
        let graph = try Self.graph(
            RevisionInfo(
                id: "r2", parents: ["r1"], message: "three steps", createdAt: "2026-01-02T00:00:00Z",
                upgrade: [.addColumn(table: "t", column: Column("m", .text, nullable: true)), .code(flaky),
                          .createIndexConcurrently(table: "t", index: Self.index)],
                downgrade: [.dropIndexConcurrently(table: "t", index: Self.index), .dropColumn(table: "t", column: Column("m", .text, nullable: true))],
                transactional: false))
        try Migrator(graph: graph, connection: db).upgrade(to: "r1")
        try db.execute("INSERT INTO t (id) VALUES (1)", [])
        let error = #expect(throws: MigrationError.self) { try Migrator(graph: graph, connection: db).upgrade(to: "head") }
        #expect(error?.reason.contains("step 2 of 3") == true && error?.state == "r1", "\(String(describing: error))")
        #expect(try db.dialect.implementation.introspect(db).table("t")?.column("m") != nil)  // step 1 stays done
        var log: [String] = []
        try Migrator(graph: graph, connection: db, log: { log.append($0) }).upgrade(to: "head")
        #expect(log.contains("resuming upgrade of r2 after step 1 of 3"))
        #expect(try db.query("SELECT n FROM t").first?.first?.int == 7)
        #expect(try Migrator(graph: graph, connection: db).heads() == ["r2"])
    }

    @Test("a step that cannot get its lock in time gives up, waits and tries again; with no tries left it fails")
    func lockRetries() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect(), other = try test.connect()
        defer { db.close(); other.close() }
        let graph = try Self.graph(
            RevisionInfo(id: "r2", parents: ["r1"], message: "column", createdAt: "2026-01-02T00:00:00Z",
                         upgrade: [.addColumn(table: "t", column: Column("m", .text, nullable: true))], transactional: false))
        try Migrator(graph: graph, connection: db).upgrade(to: "r1")
        // Another session holds the table for a while.
        try other.executeScript("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE")
        var impatient = Migrator(graph: graph, connection: db)
        impatient.lockPolicy = LockPolicy(timeout: 100, retries: 1, pause: 50)
        let error = #expect(throws: MigrationError.self) { try impatient.upgrade(to: "head") }
        #expect(error?.reason.contains("lock timeout") == true, "\(String(describing: error))")
        let holder = ConnectionBox(other)  // used by the other thread only from here on
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.8) { try? holder.db.executeScript("COMMIT") }
        var log: [String] = []
        var patient = Migrator(graph: graph, connection: db, log: { log.append($0) })
        patient.lockPolicy = LockPolicy(timeout: 100, retries: 20, pause: 50)
        try patient.upgrade(to: "head")
        #expect(log.contains { $0.contains("no lock within 100 ms; trying again") })
        #expect(try db.query("SELECT setting FROM pg_settings WHERE name = 'lock_timeout'").first?.first?.int == 0)  // restored
    }

    @Test("an INVALID index a killed build left is dropped and built again")
    func invalidIndexCleanedUp() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let unique = Index(["n"], unique: true, name: "ix_t_n")
        let graph = try Self.graph(
            RevisionInfo(id: "r2", parents: ["r1"], message: "index", createdAt: "2026-01-02T00:00:00Z",
                         upgrade: [.createIndexConcurrently(table: "t", index: unique)], transactional: false))
        try Migrator(graph: graph, connection: db).upgrade(to: "r1")
        try db.executeScript("INSERT INTO t VALUES (1, 5), (2, 5)")
        #expect(throws: MigrationError.self) { try Migrator(graph: graph, connection: db).upgrade(to: "head") }
        #expect(try db.query("SELECT count(*) FROM pg_index WHERE NOT indisvalid").first?.first?.int == 1)  // what PostgreSQL leaves
        try db.executeScript("UPDATE t SET n = id")
        try Migrator(graph: graph, connection: db).upgrade(to: "head")
        #expect(try db.query("SELECT count(*) FROM pg_index WHERE NOT indisvalid").first?.first?.int == 0)
        #expect(try db.query("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_t_n'").first?.first?.int == 1)
    }
}

/// A thread-safe countdown for steps that fail a given number of times.
final class Counter: @unchecked Sendable {
    private var left: Int
    private let lock = NSLock()
    init(_ n: Int) { left = n }
    /// True (and one fewer left) while any are left.
    func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard left > 0 else { return false }
        left -= 1
        return true
    }
}

/// A connection handed to another thread, which alone uses it from then on.
final class ConnectionBox: @unchecked Sendable {
    let db: any DatabaseConnection
    init(_ db: any DatabaseConnection) { self.db = db }
}
