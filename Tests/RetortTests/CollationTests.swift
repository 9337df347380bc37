import Foundation
import Retort
import Testing

/// Column collations, named per dialect, through autogen, upgrade, check and downgrade; the
/// databases' own comparisons show that each is in force.
@Suite("Collations: per dialect, compared, changed and reverted")
struct CollationTests {
    static func models(_ collations: [DialectName: String]) -> Schema {
        Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("code", .text, collations: collations)
                Index("code", name: "t_code")
            }
        }
    }

    @Test("a collation is created, in force, dropped again, and each step reverts", arguments: allDialects)
    func lifecycle(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        // The test servers' default is C.UTF-8 (upper case sorts first); ICU's root collation sorts
        // lower case first, so the order shows which one is in force.
        let order = "SELECT code FROM t ORDER BY code"
        for (i, models) in [Self.models([:]), Self.models([.postgres: "und-x-icu", .sqlite: "NOCASE"]), Self.models([.postgres: "POSIX", .sqlite: "RTRIM"])].enumerated() {
            let rev = try steps.apply(models)
            if i == 0 { try db.executeScript("INSERT INTO t (id, code) VALUES (1, 'b'); INSERT INTO t (id, code) VALUES (2, 'B')") }
            if i == 1 {
                #expect(rev.upgrade.map(\.summary) == ["alter column t.code: collation default -> und-x-icu/NOCASE"])
                if dialect == .postgres {
                    #expect(try test.values(order) == [["b"], ["B"]])
                } else {
                    #expect(try test.values("SELECT count(*) FROM t WHERE code = 'B'") == [["2"]])
                }
            }
        }
        #expect(try test.values("SELECT id, code FROM t ORDER BY id") == [["1", "b"], ["2", "B"]], "the rows stay")
        try steps.revertToFirst()
        #expect(try test.values("SELECT count(*) FROM t WHERE code = 'B'") == [["1"]], "the default collation again")
        if dialect == .postgres { #expect(try test.values(order) == [["B"], ["b"]], "the default collation again") }
    }

    @Test("an index key in another collation than its column's: created, in force, checked clean, dropped", arguments: allDialects)
    func indexKey(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let models = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("email", .text)
                Index("email", unique: true, name: "t_email", options: [IndexKeyOptions(collations: [.postgres: "und-x-icu", .sqlite: "NOCASE"])])
            }
        }
        let plain = Schema { Table("t") { Column("id", .integer).primaryKey(); Column("email", .text); Index("email", unique: true, name: "t_email") } }
        let steps = ModelSteps(db)
        try steps.apply(plain)
        #expect(try steps.apply(models).upgrade.map(\.summary) == ["drop index t_email on t", "create unique index t_email on t (email)"])
        try db.executeScript("INSERT INTO t (id, email) VALUES (1, 'a@x')")
        // SQLite's NOCASE key refuses 'A@x'; on PostgreSQL the catalog names the key's collation.
        let keyCollation = """
            SELECT co.collname FROM pg_index i JOIN pg_collation co ON co.oid = i.indcollation[0]
            WHERE i.indexrelid = 't_email'::regclass
            """
        if dialect == .sqlite {
            #expect((try? db.executeScript("INSERT INTO t (id, email) VALUES (2, 'A@x')")) == nil)
        } else {
            #expect(try test.values(keyCollation) == [["und-x-icu"]])
        }
        try steps.revertToFirst()
        if dialect == .postgres { #expect(try test.values(keyCollation) == [["default"]]) }
    }

    @Test("a collation for the other dialect only is noted, not used", arguments: allDialects)
    func otherDialectOnly(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let models = Self.models(dialect == .postgres ? [.sqlite: "NOCASE"] : [.postgres: "C"])
        let rev = try #require(try Autogenerator(models: models, graph: try graph([])).revisions(message: "m", db: db, single: true).first)
        var notes: [String] = []
        try Migrator(graph: try graph([rev]), connection: db, log: { notes.append($0) }).upgrade(to: "head")
        #expect(try Autogenerator(models: models, graph: try graph([rev])).differences(db) == [])
        #expect(try db.dialect.implementation.introspect(db).table("t")?.column("code")?.collations == [:])
        #expect(notes.contains { $0.contains("collation only") }, "\(notes)")
    }

    @Test("transfer: an SQLite collation has no PostgreSQL namesake; the column gets the default, and a note says so")
    func transfer() throws {
        let source = try TransferTests.sqlite(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT COLLATE NOCASE UNIQUE); INSERT INTO t (email) VALUES ('a@x'), ('B@x')")
        let target = try TestDatabase.make(.postgres)
        let result = try TransferTests.transfer(source, target)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("column t.email has an SQLite collation only; PostgreSQL uses its default"), "\(result.stderr)")
        #expect(try target.values("SELECT count(*) FROM t") == [["2"]])
    }

    @Test("columns without the newer details encode as before, so applied revisions keep their checksums")
    func checksumsUnchanged() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(Column("a", .text, nullable: true)), as: UTF8.self)
        #expect(json == #"{"autoincrement":false,"name":"a","nativeTypes":{},"nullable":true,"type":{"text":{}}}"#)
        let full = Column("g", .text, generated: .virtual("lower(a)"), collations: [.postgres: "C"])
        #expect(try JSONDecoder().decode(Column.self, from: try encoder.encode(full)) == full)
        #expect(String(decoding: try encoder.encode(IndexKeyOptions(descending: true)), as: UTF8.self) == #"{"descending":true}"#)
        let key = IndexKeyOptions(opclass: "text_pattern_ops", collations: [.sqlite: "NOCASE"])
        #expect(try JSONDecoder().decode(IndexKeyOptions.self, from: try encoder.encode(key)) == key)
    }
}
