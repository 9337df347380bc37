import Foundation
import Retort
import Testing

/// An enum type that loses or reorders values is rebuilt (PostgreSQL can only add values): a new
/// type, every column converted, after a check that no row holds a value that goes; a downgrade
/// rebuilds it again. Rows in the way, or a view on a column, stop it with one line, nothing changed.
@Suite("Enum types: values removed and reordered by rebuilding the type, downgrade included")
struct EnumRebuildTests {
    static func model(_ values: [String]) -> Schema {
        Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("m", .enumeration("mood", values), default: "ok")
                Index("id", name: "t_ok", where: "m = 'ok'")
            }
        }
    }

    static func values(_ db: any DatabaseConnection) throws -> [String] {
        try db.query("SELECT enumlabel FROM pg_enum WHERE enumtypid = 'mood'::regtype ORDER BY enumsortorder").map { $0[0].string ?? "" }
    }

    @Test("a value removed, then the order changed, on a table with rows; each step reverts")
    func removeAndReorder() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.model(["sad", "ok", "happy"]))
        try db.executeScript("INSERT INTO t VALUES (1, 'ok'), (2, 'happy')")
        try steps.apply(Self.model(["ok", "happy"]))
        #expect(try Self.values(db) == ["ok", "happy"])
        try steps.apply(Self.model(["happy", "ok"]))
        #expect(try Self.values(db) == ["happy", "ok"])
        #expect(try db.query("SELECT id FROM t WHERE m = 'ok'").count == 1)
        #expect(try db.query("SELECT count(*) FROM pg_type WHERE typname LIKE 'mood%'").first?.first?.int == 1)
        try steps.revertToFirst()
        #expect(try Self.values(db) == ["sad", "ok", "happy"])
    }

    @Test("rows holding a value that goes stop the upgrade with one line; the type keeps its values")
    func rowsInTheWay() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.model(["sad", "ok"]))
        try db.executeScript("INSERT INTO t VALUES (1, 'sad')")
        let error = #expect(throws: (any Error).self) { try steps.apply(Self.model(["ok"])) }
        #expect("\(error!)".contains("cannot remove 'sad' from enum type mood: rows of t.m hold it"), "\(error!)")
        #expect(try Self.values(db) == ["sad", "ok"])
    }

    @Test("a view on a column of the type goes before the rebuild and comes back after it, with its grants; back again")
    func viewInTheWay() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        func model(_ values: [String]) -> Schema {
            var s = Self.model(values)
            s.views = [View("v", "SELECT id, m FROM t")]
            return s
        }
        let steps = ModelSteps(db)
        try steps.apply(model(["sad", "ok"]))
        try db.executeScript("INSERT INTO t VALUES (1, 'ok'); GRANT SELECT ON v TO PUBLIC")
        try steps.apply(model(["ok"]))
        #expect(try Self.values(db) == ["ok"])
        #expect(try test.values("SELECT id, m::text FROM v") == [["1", "ok"]])
        #expect(try test.values("SELECT has_table_privilege('public', 'v', 'SELECT')::text") == [["true"]])
        try steps.revertToFirst()
        #expect(try Self.values(db) == ["sad", "ok"])
        #expect(try test.values("SELECT has_table_privilege('public', 'v', 'SELECT')::text") == [["true"]])
    }
}
