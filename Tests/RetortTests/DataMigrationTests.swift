import Foundation
import Retort
import Testing

/// The data-migration API: batched updates that commit batch by batch and resume exactly once, and
/// expectations that stop a revision with the user's message.
@Suite("Data migrations: batched updates and expectations", .serialized)
struct DataMigrationTests {
    static let create = MigrationOperation.createTable(
        Table(name: "t", columns: [Column("id", .integer), Column("n", .integer, default: 0)], primaryKey: PrimaryKey(["id"], name: "pk_t")))
    static let categoria = Column("categoria", .string(50), nullable: true)
    static let rows: Int64 = 25_000

    static func setUp(_ dialect: DialectName) throws -> (TestDatabase, any DatabaseConnection) {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        try Migrator(graph: try RevisionGraph([Self.base]), connection: db).upgrade(to: "head")
        try db.executeScript(
            dialect == .postgres
                ? "INSERT INTO t (id) SELECT g FROM generate_series(1, \(rows)) g"
                : "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < \(rows)) INSERT INTO t (id) SELECT i FROM g")
        return (test, db)
    }

    static let base = RevisionInfo(id: "r1", parents: [], message: "create t", createdAt: "2026-01-01T00:00:00Z", upgrade: [create])

    static func revision(_ ops: [MigrationOperation], transactional: Bool = false) -> RevisionInfo {
        RevisionInfo(id: "r2", parents: ["r1"], message: "categoria", createdAt: "2026-01-02T00:00:00Z", upgrade: ops, transactional: transactional)
    }

    static let fill: [MigrationOperation] = [
        .addColumn(table: "t", column: categoria),
        .batchedUpdate(BatchedUpdate("t", set: [ColumnAssignment("categoria", "'General'"), ColumnAssignment("n", "n + 1")],
                                     where: "categoria IS NULL", batchSize: 10_000)),
        .expect(Expectation(noRows: "SELECT 1 FROM t WHERE categoria IS NULL", message: "every tarea has a categoria")),
        .expect(Expectation("SELECT count(*) FROM t WHERE n = 1", equals: rows, message: "each row updated once")),
    ]

    @Test("batches commit one by one with a progress line, and the expectations hold", arguments: allDialects)
    func batches(dialect: DialectName) throws {
        let (test, db) = try Self.setUp(dialect)
        defer { db.close(); _ = test }
        var log: [String] = []
        try Migrator(graph: try RevisionGraph([Self.base, Self.revision(Self.fill)]), connection: db, log: { log.append($0) }).upgrade(to: "head")
        #expect(log.filter { $0.hasPrefix("update t: ") }.count == 3)
        #expect(log.contains { $0.hasPrefix("update t: 25000 of 25000 row(s)") })
        #expect(try db.query("SELECT count(*) FROM t WHERE categoria = 'General' AND n = 1").first?.first?.int == Self.rows)
    }

    @Test("a run stopped in the middle resumes after the last committed batch and updates each row once", arguments: allDialects)
    func resumeMidway(dialect: DialectName) throws {
        let (test, db) = try Self.setUp(dialect)
        defer { db.close(); _ = test }
        // A trigger that refuses row 15000 while the control table has a row: the second batch fails.
        try db.executeScript(
            dialect == .postgres
                ? """
                CREATE TABLE control (x integer);
                INSERT INTO control VALUES (1);
                CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.id = 15000 AND EXISTS (SELECT 1 FROM control) THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER refuse BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION refuse();
                """
                : """
                CREATE TABLE control (x INTEGER);
                INSERT INTO control VALUES (1);
                CREATE TRIGGER refuse BEFORE UPDATE ON t WHEN NEW.id = 15000 AND EXISTS (SELECT 1 FROM control)
                BEGIN SELECT RAISE(ABORT, 'boom'); END;
                """)
        let graph = try RevisionGraph([Self.base, Self.revision(Self.fill)])
        #expect(throws: MigrationError.self) { try Migrator(graph: graph, connection: db).upgrade(to: "head") }
        #expect(try db.query("SELECT count(*) FROM t WHERE n = 1").first?.first?.int == 10_000)  // the first batch stays
        try db.execute("DELETE FROM control", [])
        var log: [String] = []
        try Migrator(graph: graph, connection: db, log: { log.append($0) }).upgrade(to: "head")
        #expect(log.contains("resuming upgrade of r2 after step 1 of 4 (batches done up to key 10000)"), "\(log)")
        #expect(try db.query("SELECT count(*) FROM t WHERE n = 1").first?.first?.int == Self.rows)  // exactly once
    }

    @Test("an expectation that does not hold fails the revision with its message and rolls it back", arguments: allDialects)
    func expectationFails(dialect: DialectName) throws {
        let (test, db) = try Self.setUp(dialect)
        defer { db.close(); _ = test }
        let ops: [MigrationOperation] = [
            .addColumn(table: "t", column: Self.categoria),
            .expect(Expectation(noRows: "SELECT 1 FROM t WHERE categoria IS NULL", message: "every tarea needs a categoria")),
        ]
        let graph = try RevisionGraph([Self.base, Self.revision(ops, transactional: true)])
        let error = #expect(throws: MigrationError.self) { try Migrator(graph: graph, connection: db).upgrade(to: "head") }
        #expect(error?.reason.contains("every tarea needs a categoria: 25000 row(s) break the rule") == true, "\(String(describing: error))")
        #expect(try db.dialect.implementation.introspect(db).table("t")?.column("categoria") == nil)
        // In a script, the same steps: one UPDATE, and the expectation as SQL that fails with the message.
        let script = try OfflineSQL(graph: try RevisionGraph([Self.base, Self.revision(Self.fill)]), dialect: dialect.implementation)
            .upgrade("head").text
        #expect(script.contains("UPDATE \"t\" SET \"categoria\" = ('General'), \"n\" = (n + 1) WHERE categoria IS NULL"))
        #expect(script.contains("every tarea has a categoria"))
    }
}
