import Foundation
@testable import Retort
import Testing

/// SQLite `STRICT` and `WITHOUT ROWID` tables from the models: created with the types a strict
/// table accepts, made strict (or not) by a rebuild that keeps the rows, enforced by SQLite
/// afterwards, and reverted; models that SQLite would refuse are refused first.
@Suite("SQLite STRICT and WITHOUT ROWID tables: created, rebuilt, enforced, reverted")
struct SQLiteTableOptionsTests {
    static func model(_ options: SQLiteTableOptions?) -> Schema {
        Schema {
            Table("t", sqlite: options) {
                Column("k", .string(20)).primaryKey()
                Column("flag", .boolean, default: false)
                Column("price", .decimal(10, 2), nullable: true)
                Column("day", .date, nullable: true)
                Column("anything", .native("ANY"), nullable: true)
            }
        }
    }

    @Test("plain, then STRICT and WITHOUT ROWID with rows kept, then back")
    func steps() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.model(nil))
        try db.executeScript("INSERT INTO t VALUES ('a', 1, '1.50', '2024-01-01', x'00')")
        try steps.apply(Self.model([.strict, .withoutRowID]))
        let sql = try db.query("SELECT sql FROM sqlite_master WHERE name = 't'").first?.first?.string ?? ""
        #expect(sql.hasSuffix("STRICT, WITHOUT ROWID"), "\(sql)")
        let row = try db.query("SELECT k, flag, price, typeof(anything) FROM t").first ?? []
        #expect(row == [.text("a"), .integer(1), .text("1.5"), .text("blob")], "\(row)")
        // SQLite now enforces the declared types.
        #expect(throws: (any Error).self) { try db.executeScript("INSERT INTO t (k, flag) VALUES ('b', 'yes')") }
        #expect(try SQLiteDialect().introspect(db).table("t")?.sqlite == [.strict, .withoutRowID])
        try steps.revertToFirst()
        #expect(try db.query("SELECT count(*) FROM t").first?.first?.int == 1)
    }

    @Test("models SQLite would refuse are refused with one line", arguments: [
        (Schema { Table("t", sqlite: .withoutRowID) { Column("a", .integer) } }, "needs a primary key"),
        (Schema { Table("t", sqlite: .withoutRowID) { Column("id", .integer).primaryKey(autoincrement: true) } }, "has no AUTOINCREMENT"),
        (Schema { Table("t", sqlite: .strict) { Column("a", .integer, nativeTypes: [.sqlite: "VARCHAR(3)"]) } }, "accepts only INT"),
    ])
    func refused(schema: Schema, message: String) {
        #expect { try schema.validate() } throws: { "\($0)".contains(message) }
    }

    @Test("the options are written back as Swift that reads as the same value")
    func literal() {
        #expect(SQLiteTableOptions([.strict, .withoutRowID]).literal == "[.strict, .withoutRowID]")
        #expect(MigrationOperation.setSQLiteTableOptions(table: "t", from: nil, to: .strict).summary == "make t STRICT")
        #expect(Table(name: "t", sqlite: []).sqlite == nil)
    }
}
