import Foundation
import Retort
import Testing

/// Functions, procedures and aggregates as the models declare them: created where the graph puts
/// them (before a table whose default calls one, after a table one returns rows of), replaced in
/// place or dropped and created with the views that use them, drift in a body reported, overloads
/// kept apart; left out on SQLite with a note.
@Suite("Functions: declared, placed by the graph, replaced, drift reported; left out on SQLite")
struct FunctionTests {
    static func models(body: String = "SELECT 'C' || $1", result: String = "text", rowsOf: Bool = true) -> Schema {
        Schema {
            // Used by the table's default: must exist before the table.
            Function("code_for", arguments: [.init(nil, "int")], returns: result, language: "sql", body: body, volatility: .immutable)
            Function(
                "touch", returns: "trigger", language: "plpgsql",
                body: "BEGIN NEW.updated := now(); RETURN NEW; END", comment: "keeps updated current")
            Aggregate("concat_all", ["text"], stateFunction: "textcat", stateType: "text", initialCondition: "")
            Table("coupon") {
                Column("id", .integer).primaryKey()
                Column("code", .text, default: .expression("code_for(7)"))
                Column("updated", .timestamp, nullable: true)
            }
            if rowsOf {
                // Returns the table's rows: must come after it.
                Function("all_coupons", returns: "SETOF coupon", language: "sql", body: "SELECT * FROM coupon", volatility: .stable)
            }
            View("codes", "SELECT concat_all(code) AS codes FROM coupon")
        }
    }

    @Test("PostgreSQL: created in the graph's order, used, replaced in place, reverted")
    func postgres() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.models())
        try db.executeScript("INSERT INTO coupon (id) VALUES (1), (2)")
        #expect(try test.values("SELECT codes FROM codes") == [["C7C7"]])
        #expect(try test.values("SELECT count(*) FROM all_coupons()") == [["2"]])
        // A new body, in place: the default and the view keep using it.
        try steps.apply(Self.models(body: "SELECT 'D' || $1"))
        try db.executeScript("INSERT INTO coupon (id) VALUES (3)")
        #expect(try test.values("SELECT code FROM coupon WHERE id = 3") == [["D7"]])
        try steps.apply(Self.models(body: "SELECT 'D' || $1", rowsOf: false))
        try steps.revertToFirst()
        #expect(try test.values("SELECT count(*) FROM all_coupons()") == [["3"]])
    }

    @Test("PostgreSQL: an edited body, a dropped function and a changed option are drift; the same function in other words is not")
    func drift() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.models())
        let generator = try Autogenerator(models: Self.models(), graph: RevisionGraph(steps.revisions))
        try db.executeScript("CREATE OR REPLACE FUNCTION code_for(integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT 'X' || $1$$")
        #expect(try generator.differences(db).map(\.summary) == ["replace function code_for(integer)"])
        try db.executeScript("CREATE OR REPLACE FUNCTION code_for(int4) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT 'C' || $1$$")
        #expect(try generator.differences(db).isEmpty)
        try db.executeScript("ALTER FUNCTION code_for(integer) STABLE")
        #expect(try generator.differences(db).map(\.summary) == ["replace function code_for(integer)"])
        try db.executeScript("ALTER FUNCTION code_for(integer) IMMUTABLE; DROP FUNCTION all_coupons()")
        #expect(try generator.differences(db).map(\.summary) == ["create function all_coupons()"])
        try db.executeScript("CREATE FUNCTION all_coupons(integer) RETURNS SETOF coupon LANGUAGE sql AS 'SELECT * FROM coupon LIMIT $1'")
        #expect(Set(try generator.differences(db).map(\.summary)) == ["create function all_coupons()", "drop function all_coupons(integer)"])
    }

    @Test("PostgreSQL: a new result under a table's default is refused, naming the table; under a view, the view goes and comes back")
    func resultChanges() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try ModelSteps(db).apply(Self.models())
        let error = #expect(throws: UnsupportedChange.self) {
            try Autogenerator(models: Self.models(result: "varchar"), graph: RevisionGraph([])).differences(db)
        }
        #expect("\(error!)".contains("coupon"), "\(error!)")
    }

    @Test("PostgreSQL: argument types PostgreSQL spells otherwise are a one-line model error")
    func unknownSpelling() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let models = Schema { Function("f", arguments: [.init("a", "year_of")], returns: "int", body: "SELECT 1") }
        #expect(throws: ModelError.self) { try Autogenerator(models: models, graph: RevisionGraph([])).differences(db) }
    }

    @Test("exclusions take functions by name, with or without the argument types")
    func exclusions() {
        let filter = TableFilter(["function:code_*", "aggregate:concat_all(text)"])
        #expect(filter.excludes(ObjectID(.function, "code_for(integer)")))
        #expect(filter.excludes(ObjectID(.aggregate, "concat_all(text)")))
        #expect(!filter.excludes(ObjectID(.function, "touch()")))
    }

    @Test("SQLite: functions and aggregates are left out with a note; the same revision runs there")
    func sqlite() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        var models = Schema {
            Function("f", returns: "integer", body: "SELECT 1")
            Table("t") { Column("id", .integer).primaryKey() }
        }
        try ModelSteps(db).apply(models)
        models.functions = []
        #expect(try Autogenerator(models: models, graph: RevisionGraph([])).differences(db).isEmpty)
        let notes = [MigrationOperation.createObject(.function(Function("f", returns: "integer", body: "SELECT 1")))].postgresOnlyDetails
        #expect(notes.contains { $0.contains("function f()") })
    }
}
