import Foundation
import Retort
import Testing

/// Triggers as the models declare them: in their table's revision, after the function they run
/// (PostgreSQL) or with their own body (SQLite); firing on real rows; changed, kept through a
/// column change under them, reverted; a trigger dropped or changed by hand is drift.
@Suite("Triggers: declared with their table, fire, kept through column changes, drift reported")
struct TriggerTests {
    static func stamped(_ name: String, rateType: ColumnType = .decimal(4, 2), when: String? = nil) -> Table {
        Table(name) {
            Column("id", .integer).primaryKey()
            Column("rate", rateType, nullable: true)
            Column("last_update", .text, nullable: true)
            Trigger(
                "\(name)_touch", .after, [.update], updateOf: ["rate"], when: when, function: "last_updated",
                body: "UPDATE \(name) SET last_update = 'touched' WHERE id = NEW.id;")
        }
    }

    static func models(rateType: ColumnType = .decimal(4, 2), when: String? = nil) -> Schema {
        Schema {
            Function(
                "last_updated", returns: "trigger", language: "plpgsql",
                body: "BEGIN UPDATE \(SQLText.quote("film")) SET last_update = 'touched' WHERE id = NEW.id AND last_update IS DISTINCT FROM 'touched'; RETURN NULL; END")
            stamped("film", rateType: rateType, when: when)
            Table("actor") {
                Column("id", .integer).primaryKey()
                Column("last_update", .text, nullable: true)
                Trigger("actor_gone", .before, [.delete], function: "last_updated", body: "SELECT RAISE(ABORT, 'actors stay');", comment: "actors stay")
            }
        }
    }

    @Test("created with their table, fire, kept through a type change of a column they use, changed, reverted", arguments: allDialects)
    func lifecycle(_ dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.models())
        try db.executeScript("INSERT INTO film (id, rate) VALUES (1, 1.5)")
        try db.executeScript("UPDATE film SET rate = 2.5 WHERE id = 1")
        #expect(try test.values("SELECT last_update FROM film") == [["touched"]])
        // The column the trigger fires on changes type: the trigger goes and comes back.
        try steps.apply(Self.models(rateType: .decimal(8, 2)))
        try db.executeScript("UPDATE film SET last_update = NULL; UPDATE film SET rate = 3.5 WHERE id = 1")
        #expect(try test.values("SELECT last_update FROM film") == [["touched"]])
        // A condition: it no longer fires when the rate goes down.
        try steps.apply(Self.models(rateType: .decimal(8, 2), when: "NEW.rate > OLD.rate"))
        try db.executeScript("UPDATE film SET last_update = NULL; UPDATE film SET rate = 0.5 WHERE id = 1")
        #expect(try test.values("SELECT count(*) FROM film WHERE last_update IS NULL") == [["1"]])
        try steps.revertToFirst()
        try db.executeScript("UPDATE film SET last_update = NULL; UPDATE film SET rate = 0.25 WHERE id = 1")
        #expect(try test.values("SELECT last_update FROM film") == [["touched"]])
    }

    @Test("a trigger dropped, its condition or firing changed by hand is drift; its condition in other words is not", arguments: allDialects)
    func drift(_ dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let models = Self.models(when: "NEW.rate > OLD.rate")
        let steps = ModelSteps(db)
        try steps.apply(models)
        let generator = try Autogenerator(models: models, graph: RevisionGraph(steps.revisions))
        let on = dialect == .postgres ? " ON film" : ""
        let create = dialect == .postgres
            ? "CREATE TRIGGER film_touch AFTER UPDATE OF rate ON film FOR EACH ROW WHEN (%@) EXECUTE FUNCTION last_updated()"
            : "CREATE TRIGGER film_touch AFTER UPDATE OF rate ON film WHEN %@ BEGIN UPDATE film SET last_update = 'touched' WHERE id = NEW.id; END"
        try db.executeScript("DROP TRIGGER film_touch\(on)")
        #expect(try generator.differences(db).map(\.summary) == ["create trigger film.film_touch"])
        // PostgreSQL compares by meaning, SQLite by tokens (case and blank space do not count).
        try db.executeScript(create.replacingOccurrences(of: "%@", with: dialect == .postgres ? "(new.rate) > (old.rate)" : "new.RATE  >  old.rate"))
        #expect(try generator.differences(db).isEmpty)
        try db.executeScript("DROP TRIGGER film_touch\(on); " + create.replacingOccurrences(of: "%@", with: "NEW.rate >= OLD.rate"))
        #expect(try generator.differences(db).map(\.summary) == ["drop trigger film.film_touch", "create trigger film.film_touch"])
        if dialect == .postgres {
            try db.executeScript("DROP TRIGGER film_touch ON film; " + create.replacingOccurrences(of: "%@", with: "NEW.rate > OLD.rate"))
            try db.executeScript("ALTER TABLE film DISABLE TRIGGER film_touch")
            #expect(try generator.differences(db).map(\.summary) == ["replace trigger film.film_touch"])
        }
    }
}
