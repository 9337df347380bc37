import Foundation
import Retort
import Testing

/// Partitioned tables as the models declare them: created with their partitions (rows routed by
/// PostgreSQL, a plain table on SQLite), partitions added, a bound changed with the rows kept, a
/// column added under them, reverted; a partition dropped or re-bounded by hand is drift; a key
/// that changes is refused.
@Suite("Partitions: created with their table, rows kept through bound changes, drift reported, key changes refused")
struct PartitionTests {
    static func payment(firstHalfOnly: Bool = true, with2023: Bool = false, note: Bool = false) -> Schema {
        Schema {
            Table("payment") {
                Column("payment_id", .bigint)
                Column("amount", .decimal(6, 2))
                Column("paid_on", .date)
                if note { Column("note", .text, nullable: true) }
                PrimaryKey("paid_on", "payment_id")
                Index("amount", name: "payment_amount")
                Partitioning(.range, on: ["paid_on"], partitions: [
                    Partition("payment_2022", .range(from: ["'2022-01-01'"], to: [firstHalfOnly ? "'2022-07-01'" : "'2023-01-01'"]),
                              indexes: [Index(["amount"], name: "payment_2022_big", where: "amount > 100")], comment: "2022"),
                    Partition("payment_rest", .default),
                ] + (with2023 ? [Partition("payment_2023", .range(from: ["'2023-01-01'::date"], to: ["'2024-01-01'"]))] : []))
            }
        }
    }

    @Test("created with partitions, a partition added, a bound widened with the rows kept, a column added; reverted", arguments: allDialects)
    func lifecycle(_ dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.payment())
        try db.executeScript("INSERT INTO payment VALUES (1, 150, '2022-03-01'), (2, 5, '2024-05-01')")
        let where_ = dialect == .postgres ? "SELECT tableoid::regclass::text, payment_id FROM payment ORDER BY 2" : "SELECT 'payment', payment_id FROM payment ORDER BY 2"
        let first = dialect == .postgres ? [["payment_2022", "1"], ["payment_rest", "2"]] : [["payment", "1"], ["payment", "2"]]
        #expect(try test.values(where_) == first)
        try steps.apply(Self.payment(firstHalfOnly: false, with2023: true, note: true))
        #expect(try test.values(where_) == first)
        try db.executeScript("INSERT INTO payment (payment_id, amount, paid_on) VALUES (3, 1, '2022-10-01'), (4, 1, '2023-02-01')")
        if dialect == .postgres {
            #expect(try test.values(where_) == first + [["payment_2022", "3"], ["payment_2023", "4"]])
            try db.executeScript("DELETE FROM payment WHERE payment_id IN (3, 4)")
        } else {
            try db.executeScript("DELETE FROM payment WHERE payment_id IN (3, 4)")
        }
        try steps.revertToFirst()
        #expect(try test.values(where_) == first)
    }

    @Test("a partition dropped or given another bound by hand is drift; a bound in other words is not")
    func drift() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let models = Self.payment(with2023: true)
        let steps = ModelSteps(db)
        try steps.apply(models)
        let generator = try Autogenerator(models: models, graph: RevisionGraph(steps.revisions))
        try db.executeScript("ALTER TABLE payment DETACH PARTITION payment_2023; ALTER TABLE payment ATTACH PARTITION payment_2023 FOR VALUES FROM ('2023-01-01') TO ('2023-12-31')")
        #expect(try generator.differences(db).map(\.summary) == ["replace partition payment_2023"])
        try db.executeScript("ALTER TABLE payment DETACH PARTITION payment_2023; ALTER TABLE payment ATTACH PARTITION payment_2023 FOR VALUES FROM ('2023-01-01'::date) TO (date '2024-01-01')")
        #expect(try generator.differences(db).isEmpty)
        try db.executeScript("DROP TABLE payment_2023")
        #expect(try generator.differences(db).map(\.summary) == ["create partition payment_2023"])
        try db.executeScript("CREATE TABLE payment_2023 PARTITION OF payment FOR VALUES FROM ('2023-01-01') TO ('2024-01-01'); CREATE TABLE payment_2030 PARTITION OF payment FOR VALUES FROM ('2030-01-01') TO ('2031-01-01')")
        #expect(try generator.differences(db).map(\.summary) == ["drop partition payment_2030"])
    }

    @Test("a downgrade that drops a partition holding rows names it as data at risk")
    func dataAtRisk() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.payment())
        try steps.apply(Self.payment(with2023: true))
        try db.executeScript("INSERT INTO payment VALUES (1, 5, '2023-03-01'), (2, 5, '2023-04-01')")
        let migrator = Migrator(graph: try RevisionGraph(steps.revisions), connection: db)
        #expect(try migrator.dataAtRisk(downgradingTo: "-1").map(\.description) == ["table payment_2023 (2 rows)"])
    }

    @Test("a partition key that changes is refused, naming the table and what to do")
    func keyChangeRefused() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        func log(_ p: Partitioning) -> Schema { Schema { Table("log") { Column("at", .date); Column("line", .text); p } } }
        try steps.apply(log(Partitioning(.range, on: ["at"], partitions: [Partition("log_all", .default)])))
        let error = #expect(throws: UnsupportedChange.self) {
            try Autogenerator(models: log(Partitioning(.list, keys: [.expression("lower(line)")])), graph: RevisionGraph(steps.revisions)).differences(db)
        }
        #expect(error?.description.hasPrefix("log: partitioning cannot change in place (RANGE (at) → LIST ((lower(line))))") == true)
    }

    @Test("SQLite: a partitioned table is a plain table, with a note")
    func sqliteNote() throws {
        let ops = try Differ(dialect: SQLiteDialect()).diff(from: Schema(), to: Self.payment())
        #expect(ops.postgresOnlyDetails.contains { $0.contains("table payment is partitioned by range on PostgreSQL; on SQLite it is a plain table") })
    }
}
