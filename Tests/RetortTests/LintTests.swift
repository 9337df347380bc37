import Foundation
import Retort
import Testing

/// Every lint rule fires on a revision built to trigger it, on each dialect it applies to, and stays
/// quiet on the safe version of the same change.
@Suite("Lint: dangerous operations found, safe versions left alone")
struct LintTests {
    /// A database with `t` (id, a text, n integer, s varchar(50), e enum) and `p` (id).
    static let existing = Schema {
        Table("p") { Column("id", .integer).primaryKey() }
        Table("t") {
            Column("id", .integer).primaryKey()
            Column("a", .text, nullable: true)
            Column("n", .integer, nullable: true)
            Column("s", .string(50), nullable: true)
            Column("e", .enumeration("mood", ["sad", "ok"]), nullable: true)
            Index("a", name: "ix_t_a")
        }
        Table("m") {
            Column("d", .integer)
            Partitioning(.range, on: ["d"], partitions: [Partition("m_1", .range(from: ["1"], to: ["10"]))])
        }
        Extension("citext")
        View("v", "SELECT id FROM t")
        MaterializedView("mv", "SELECT count(*) AS n FROM t", withData: false)
        Function("f", returns: "integer", body: "SELECT 1")
    }.named()

    static let partition = Partition("m_1", .range(from: ["1"], to: ["10"]))
    static let function = Function("f", returns: "integer", body: "SELECT 1")

    static func column(_ name: String) -> Column { existing.table("t")!.column(name)! }

    /// Each rule: operations that trigger it, and a safe version that must not.
    static let cases: [(LintCode, [MigrationOperation], [MigrationOperation])] = [
        ("RT101", [.dropTable(existing.table("p")!)], [.createTable(Table(name: "q", columns: [Column("id", .integer)]))]),
        ("RT102", [.dropColumn(table: "t", column: column("a"))], [.addColumn(table: "t", column: Column("b", .text, nullable: true))]),
        ("RT103", [.alterColumn(table: "t", from: column("s"), to: Column("s", .string(10), nullable: true))],
         [.alterColumn(table: "t", from: column("s"), to: Column("s", .string(80), nullable: true))]),
        ("RT104", [.alterColumn(table: "t", from: column("e"), to: Column("e", .enumeration("mood", ["ok"]), nullable: true))],
         [.alterColumn(table: "t", from: column("e"), to: Column("e", .enumeration("mood", ["sad", "ok", "glad"]), nullable: true))]),
        ("RT104", [.replaceEnumType(from: EnumType("mood", ["sad", "ok"]), to: EnumType("mood", ["ok"]))],
         [.replaceEnumType(from: EnumType("mood", ["sad", "ok"]), to: EnumType("mood", ["ok", "sad"]))]),
        ("RT105", [.alterColumn(table: "t", from: column("n"), to: Column("n", .integer, nullable: true, generated: .stored("length(a)")))],
         [.alterColumn(table: "t", from: Column("n", .integer, nullable: true, generated: .stored("length(a)")), to: column("n"))]),
        ("RT201", [.createIndex(table: "t", index: Index(["n"], name: "ix_t_n"))],
         [.createTable(Table(name: "q", columns: [Column("id", .integer)])), .createIndex(table: "q", index: Index(["id"], name: "ix_q"))]),
        ("RT202", [.dropIndex(table: "t", index: Index(["a"], name: "ix_t_a"))],
         [.dropIndexConcurrently(table: "t", index: Index(["a"], name: "ix_t_a"))]),
        ("RT203", [.addConstraint(table: "t", constraint: .foreignKey(ForeignKey(["n"], references: "p", ["id"], name: "fk_t_n")))],
         [.addConstraint(table: "t", constraint: .foreignKey(ForeignKey(["n"], references: "p", ["id"], name: "fk_t_n", notValid: true)))]),
        ("RT204", [.addConstraint(table: "t", constraint: .check(CheckConstraint("ck_t_n", "n > 0")))],
         [.addConstraint(table: "t", constraint: .check(CheckConstraint("ck_t_n", "n > 0", notValid: true)))]),
        ("RT205", [.alterColumn(table: "t", from: column("a"), to: Column("a", .text))],
         [.addConstraint(table: "t", constraint: .check(CheckConstraint("ck_t_a", "a IS NOT NULL", notValid: true))),
          .validateConstraint(table: "t", name: "ck_t_a"), .alterColumn(table: "t", from: column("a"), to: Column("a", .text))]),
        ("RT206", [.addColumn(table: "t", column: Column("c", .text))], [.addColumn(table: "t", column: Column("c", .text, default: "x"))]),
        ("RT207", [.addColumn(table: "t", column: Column("u", .uuid, default: .expression("gen_random_uuid()")))],
         [.addColumn(table: "t", column: Column("u", .timestamptz, default: .expression("now()")))]),
        ("RT208", [.alterColumn(table: "t", from: column("n"), to: Column("n", .bigint, nullable: true))],
         [.alterColumn(table: "t", from: column("s"), to: Column("s", .text, nullable: true))]),
        ("RT209", [.addConstraint(table: "t", constraint: .unique(UniqueConstraint(["n"], name: "uq_t_n")))],
         [.createIndexConcurrently(table: "t", index: Index(["n"], unique: true, name: "uq_t_n")),
          .addConstraint(table: "t", constraint: .unique(UniqueConstraint(["n"], name: "uq_t_n")))]),
        ("RT210", [.addColumn(table: "t", column: Column("g", .integer, generated: .stored("n * 2")))],
         [.addColumn(table: "t", column: Column("g", .integer, nullable: true)),
          .createTable(Table(name: "q", columns: [Column("a", .integer), Column("g", .integer, generated: .stored("a * 2"))]))]),
        // Expand and contract: the new column filled from the old one while both exist.
        ("RT301", [.renameColumn(table: "t", from: "a", to: "b")],
         [.addColumn(table: "t", column: Column("b", .text, nullable: true)),
          .batchedUpdate(BatchedUpdate("t", set: [ColumnAssignment("b", "a")], where: "b IS NULL"))]),
        // A new table beside the old one, filled from it; the old name stays for old code.
        ("RT302", [.renameTable(from: "t", to: "u")],
         [.createTable(Table(name: "u", columns: [Column("id", .integer), Column("a", .text, nullable: true)])),
          .execute(RawSQL("INSERT INTO u (id, a) SELECT id, a FROM t"))]),
        ("RT211", [.createObject(.trigger(table: "t", Trigger("tr", .after, [.insert], function: "f")))],
         [.createTable(Table(name: "q", columns: [Column("id", .integer)])), .createObject(.trigger(table: "q", Trigger("tr", .after, [.insert], function: "f")))]),
        ("RT212", [.recreateObject(from: .materializedView(MaterializedView("mv", "SELECT count(*) AS n FROM t", withData: false)),
                                   to: .materializedView(MaterializedView("mv", "SELECT count(*) + 1 AS n FROM t")))],
         [.recreateObject(from: .materializedView(MaterializedView("mv", "SELECT count(*) AS n FROM t", withData: false)),
                          to: .materializedView(MaterializedView("mv", "SELECT count(*) + 1 AS n FROM t", withData: false)))]),
        ("RT213", [.replaceObject(from: .partition(table: "m", parent: "m", partition), to: .partition(table: "m", parent: "m", Partition("m_1", .range(from: ["1"], to: ["20"]))))],
         [.replaceObject(from: .partition(table: "m", parent: "m", partition), to: .partition(table: "m", parent: "m", Partition("m_1", .range(from: ["1"], to: ["10"]), comment: "x")))]),
        ("RT214", [.dropObject(.partition(table: "m", parent: "m", partition))],
         [.createObject(.partition(table: "m", parent: "m", Partition("m_2", .range(from: ["10"], to: ["20"]))))]),
        ("RT215", [.setRowLevelSecurity(table: "t", from: nil, to: .enabled)],
         [.setRowLevelSecurity(table: "t", from: nil, to: .enabled), .createObject(.policy(table: "t", Policy("all_rows", using: "true")))]),
        ("RT303", [.replaceObject(from: .function(function), to: .function(Function("f", returns: "integer", body: "SELECT 2")))],
         [.replaceObject(from: .function(function), to: .function(Function("f", returns: "integer", body: "SELECT 1", comment: "one")))]),
        ("RT304", [.dropObject(.view(View("v", "SELECT id FROM t")))], [.createObject(.view(View("w", "SELECT id FROM t")))]),
        ("RT305", [.createObject(.function(Function("g", returns: "integer", language: "plpgsql", body: "BEGIN RETURN 1; END")))],
         [.createObject(.function(Function("my_abs", arguments: [.init(nil, "integer")], returns: "integer", language: "internal", body: "int4abs")))]),
        ("RT306", [.dropObject(.extension(Extension("citext")))], [.createObject(.extension(Extension("pg_trgm")))]),
        ("RT401", [.alterColumn(table: "t", from: column("a"), to: Column("a", .text))],
         [.addColumn(table: "t", column: Column("c", .text, nullable: true))]),
    ]

    static func revision(_ ops: [MigrationOperation], allow: [LintCode] = []) -> RevisionInfo {
        RevisionInfo(id: "r1", parents: [], message: "m", createdAt: "2026-01-01T00:00:00Z", upgrade: ops, allow: allow)
    }

    @Test("each rule fires on its trigger and not on the safe version, on every dialect it applies to")
    func rules() throws {
        #expect(Set(Self.cases.map(\.0)) == Set(LintRule.all.map(\.code)))
        for (code, trigger, safe) in Self.cases {
            #expect(!safe.isEmpty, "\(code): a safe version to stay quiet on")
            let rule = try #require(LintRule.all.first { $0.code == code })
            for dialect in DialectName.allCases {
                let found = try Linter(dialect: dialect).lint([Self.revision(trigger)], from: Self.existing).map(\.code)
                #expect(found.contains(code) == rule.dialects.contains(dialect), "\(code) on \(dialect): \(found)")
                let quiet = try Linter(dialect: dialect).lint([Self.revision(safe)], from: Self.existing).map(\.code)
                #expect(!quiet.contains(code), "\(code) safe version on \(dialect): \(quiet)")
            }
        }
    }

    @Test("an acknowledged error is reported as allowed and does not fail; size turns lock warnings into errors")
    func acknowledgementAndSize() throws {
        let drop = [MigrationOperation.dropColumn(table: "t", column: Self.column("a"))]
        let plain = try Linter(dialect: .postgres).lint([Self.revision(drop)], from: Self.existing)
        #expect(Linter.fails(plain) && plain.first?.line.hasPrefix("error RT102 r1 t:") == true)
        let allowed = try Linter(dialect: .postgres).lint([Self.revision(drop, allow: ["RT102"])], from: Self.existing)
        #expect(!Linter.fails(allowed) && allowed.first?.acknowledged == true && allowed.first?.line.hasPrefix("allowed RT102") == true)

        let index = [MigrationOperation.createIndex(table: "t", index: Index(["n"], name: "ix_t_n"))]
        let small = try Linter(dialect: .postgres, rows: ["t": 10]).lint([Self.revision(index)], from: Self.existing)
        #expect(small.map(\.severity) == [.warning] && !Linter.fails(small))
        let large = try Linter(dialect: .postgres, rows: ["t": 2_000_000]).lint([Self.revision(index)], from: Self.existing)
        #expect(large.map(\.severity) == [.error] && large[0].operation.contains("about 2000000 rows"))
    }

    @Test("table sizes come from the live database", arguments: allDialects)
    func liveSizes(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("CREATE TABLE t (id integer PRIMARY KEY, n integer)")
        try db.executeScript(
            dialect == .postgres
                ? "INSERT INTO t SELECT g, g FROM generate_series(1, 3000) g; ANALYZE t"
                : "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 3000) INSERT INTO t SELECT i, i FROM g")
        let rows = try Linter.tableRows(db, tables: ["t", "missing"])
        #expect(rows["t"] == 3000)
        let schema = try db.dialect.implementation.introspect(db)
        let ops: [MigrationOperation] = dialect == .postgres
            ? [.createIndex(table: "t", index: Index(["n"], name: "ix_t_n"))]
            : [.alterColumn(table: "t", from: schema.table("t")!.column("n")!, to: Column("n", .integer))]
        let findings = try Linter(dialect: dialect, rows: rows, largeTableRows: 1000).lint([Self.revision(ops)], from: schema)
        #expect(findings.map(\.severity) == [.error], "\(findings)")
    }

    @Test("docs/lint.md documents every rule (set RETORT_UPDATE_DOCS=1 to rewrite it)")
    func documentation() throws {
        let url = repositoryRoot.appendingPathComponent("docs/lint.md")
        if ProcessInfo.processInfo.environment["RETORT_UPDATE_DOCS"] == "1" {
            try LintRule.documentation.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == LintRule.documentation)
    }
}
