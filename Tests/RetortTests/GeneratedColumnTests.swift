import Foundation
import Retort
import Testing

/// Generated columns through the whole pipeline, with rows in the table: added, given another
/// expression, turned into a plain column and back, each by autogen from the models and applied on
/// both dialects; the database's own values show what each step computed or kept.
@Suite("Generated columns: autogen, upgrade, downgrade with rows")
struct GeneratedColumnTests {
    static func models(_ c: Column?, b: Column = Column("b", .integer, nullable: true)) -> Schema {
        Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("a", .integer)
                b
                if let c {
                    c
                    Index("c", name: "t_c")
                }
            }
        }
    }

    @Test("add, change the expression, make plain, make generated: values computed or kept; each step reverts", arguments: allDialects)
    func lifecycle(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        func step(_ models: Schema) throws -> [String] { try steps.apply(models).upgrade.map(\.summary) }
        func column(_ name: String) throws -> [String] { try test.values("SELECT \(name) FROM t ORDER BY id").map { $0[0] } }

        _ = try step(Self.models(nil))
        try db.executeScript("INSERT INTO t (id, a, b) VALUES (1, 1, 10); INSERT INTO t (id, a, b) VALUES (2, 5, 50)")

        #expect(try step(Self.models(Column("c", .integer, nullable: true, generated: .stored("a * 2")))).first
            == "add column t.c integer NULL GENERATED AS (a * 2)")
        #expect(try column("c") == ["2", "10"])

        #expect(try step(Self.models(Column("c", .integer, nullable: true, generated: .stored("a * 3"))))
            == ["alter column t.c: generated (a * 2) -> (a * 3)"])
        #expect(try column("c") == ["3", "15"])
        let index = try db.dialect.implementation.introspect(db).table("t")?.indexes.first { $0.name == "t_c" }
        #expect(index?.columns == ["c"], "the index on the regenerated column is there again")

        #expect(try step(Self.models(Column("c", .integer, nullable: true))) == ["alter column t.c: generated (a * 3) -> no"])
        #expect(try column("c") == ["3", "15"], "a generated column made plain keeps its values")
        try db.executeScript("UPDATE t SET c = 7 WHERE id = 1")
        #expect(try column("c") == ["7", "15"])

        let replaced = Self.models(Column("c", .integer, nullable: true), b: Column("b", .integer, nullable: true, generated: .stored("a + 100")))
        _ = try step(replaced)
        #expect(try column("b") == ["101", "105"])
        let findings = try Linter(dialect: dialect).lint(steps.revisions, from: Schema())
        #expect(findings.filter { $0.code == "RT105" }.map(\.revision) == ["r5"], "turning b into a generated column is data loss")

        // Every step reverts, one at a time, to a schema the earlier models describe exactly.
        try steps.revertToFirst {
            let a = try column("a")
            #expect(a == ["1", "5"])
        }
    }

    @Test("a virtual generated column: SQLite keeps it virtual; PostgreSQL stores it and says so once", arguments: allDialects)
    func virtualColumn(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let models = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("name", .text)
                Column("name_lower", .text, generated: .virtual("lower(name)"))
            }
        }
        let rev = try #require(try Autogenerator(models: models, graph: try graph([])).revisions(message: "m", db: db, single: true).first)
        var notes: [String] = []
        try Migrator(graph: try graph([rev]), connection: db, log: { notes.append($0) }).upgrade(to: "head")
        #expect(try Autogenerator(models: models, graph: try graph([rev])).differences(db) == [])
        try db.executeScript("INSERT INTO t (id, name) VALUES (1, 'ÁbC')")
        #expect(try test.values("SELECT name_lower FROM t") == [[dialect == .sqlite ? "Ábc" : "ábc"]])
        let column = try db.dialect.implementation.introspect(db).table("t")?.column("name_lower")
        #expect(column?.generated?.stored == (dialect == .postgres))
        #expect(notes.filter { $0.contains("virtual generated column") }.count == (dialect == .postgres ? 1 : 0), "\(notes)")
    }

    @Test("models that name a default or a key for a generated column are refused before any database is touched")
    func invalidModels() {
        let withDefault = Schema { Table("t") { Column("a", .integer); Column("g", .integer, default: 1, generated: .stored("a")) } }
        #expect(throws: ModelError.self) { try withDefault.validate() }
        let inKey = Schema { Table("t") { Column("a", .integer); Column("g", .integer, generated: .stored("a")).primaryKey() } }
        #expect(throws: ModelError.self) { try inKey.validate() }
        let empty = Schema { Table("t") { Column("a", .integer); Column("g", .integer, generated: .stored(" ")) } }
        #expect(throws: ModelError.self) { try empty.validate() }
    }
}

extension GeneratedColumnTests {
    @Test("transfer: PostgreSQL computes the generated columns it creates from SQLite's; they are neither copied nor compared")
    func transfer() throws {
        let source = try TransferTests.sqlite(
            """
            CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL, a_len INTEGER GENERATED ALWAYS AS (length(a)) STORED,
                            a_up TEXT AS (upper(a)));
            INSERT INTO t (a) VALUES ('hola'), ('adiós');
            """)
        let target = try TestDatabase.make(.postgres)
        let result = try TransferTests.transfer(source, target)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // SQLite's upper() leaves ó alone; PostgreSQL's own expression decides the target's value.
        #expect(try target.values("SELECT a, a_len, a_up FROM t ORDER BY id") == [["hola", "4", "HOLA"], ["adiós", "5", "ADIÓS"]])
        let column = try { let c = try target.connect(); defer { c.close() }; return try c.dialect.implementation.introspect(c) }()
            .table("t")?.column("a_len")
        #expect(column?.generated?.expression == "length(a)")
    }
}

extension GeneratedColumnTests {
    @Test("renaming a column a generated column uses is a rename only: the expression follows it", arguments: allDialects)
    func renameSource(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.models(Column("c", .integer, nullable: true, generated: .stored("a * 2"))))
        try db.executeScript("INSERT INTO t (id, a) VALUES (1, 4)")
        let after = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("x", .integer).renamed(from: "a")
                Column("b", .integer, nullable: true)
                Column("c", .integer, nullable: true, generated: .stored("x * 2"))
                Index("c", name: "t_c")
            }
        }
        #expect(try steps.apply(after).upgrade.map(\.summary) == ["rename column t.a to x"])
        #expect(try test.values("SELECT x, c FROM t") == [["4", "8"]])
    }
}
