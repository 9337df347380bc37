import Foundation
import Retort
import Testing

/// Domains as the models declare them: created before the tables that use them, changed in place,
/// dropped after the last column lets go of them; left out on SQLite, where columns keep their
/// portable type; a base type change under columns refused with a line that names them.
@Suite("Domains: declared, used by columns, changed in place, reverted; left out on SQLite")
struct DomainTests {
    static func models(checks: [CheckConstraint] = [CheckConstraint("year_check", "VALUE BETWEEN 1901 AND 2155")], withFilm: Bool = true)
        -> Schema
    {
        var s = Schema {
            Domain("year", "integer", checks: checks, comment: "a year a film came out")
        }
        if withFilm {
            s.tables = [Table("film") {
                Column("id", .integer).primaryKey()
                Column("release_year", .integer, nullable: true, nativeTypes: [.postgres: "year"])
            }]
        }
        return s
    }

    @Test("PostgreSQL: created before the table, its checks changed in place by meaning, refusing bad rows; reverted")
    func postgres() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.models())
        #expect(throws: (any Error).self) { try db.executeScript("INSERT INTO film VALUES (1, 1800)") }
        try db.executeScript("INSERT INTO film VALUES (1, 1999)")
        let wider = [CheckConstraint("year_check", "VALUE BETWEEN 1800 AND 2200"), CheckConstraint("year_odd", "VALUE % 2 = 1")]
        try steps.apply(Self.models(checks: wider))
        try db.executeScript("INSERT INTO film VALUES (2, 1801)")
        // The last column that uses it goes; the domain stays, as the models still declare it.
        try steps.apply(Self.models(checks: wider, withFilm: false))
        #expect(try test.values("SELECT count(*) FROM pg_type WHERE typname = 'year'") == [["1"]])
        try steps.revertToFirst()
        #expect(try test.values("SELECT obj_description('year'::regtype, 'pg_type')") == [["a year a film came out"]])
    }

    @Test("PostgreSQL: a check, default or comment changed by hand is drift; the same check in other words is not")
    func drift() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.models())
        let generator = try Autogenerator(models: Self.models(), graph: RevisionGraph(steps.revisions))
        // PostgreSQL stores BETWEEN as >= AND <=: the same check.
        try db.executeScript("ALTER DOMAIN year DROP CONSTRAINT year_check; ALTER DOMAIN year ADD CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)")
        #expect(try generator.differences(db).isEmpty)
        try db.executeScript("ALTER DOMAIN year DROP CONSTRAINT year_check; ALTER DOMAIN year ADD CONSTRAINT year_check CHECK (VALUE >= 1900)")
        #expect(try generator.differences(db).map(\.summary) == ["replace domain year"])
        try db.executeScript("ALTER DOMAIN year DROP CONSTRAINT year_check; ALTER DOMAIN year ADD CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155); ALTER DOMAIN year SET DEFAULT 2000")
        #expect(try generator.differences(db).map(\.summary) == ["replace domain year"])
        try db.executeScript("ALTER DOMAIN year DROP DEFAULT; COMMENT ON DOMAIN year IS NULL")
        #expect(try generator.differences(db).map(\.summary) == ["replace domain year"])
    }

    @Test("PostgreSQL: a new base type under a column that uses the domain is refused, naming the column")
    func baseTypeUnderColumns() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try ModelSteps(db).apply(Self.models())
        var next = Self.models()
        next.domains[0].type = "bigint"
        let error = #expect(throws: UnsupportedChange.self) { try Autogenerator(models: next, graph: RevisionGraph([])).differences(db) }
        #expect("\(error!)".contains("film.release_year"), "\(error!)")
    }

    @Test("PostgreSQL: a composite type over a domain, used by a column: created in order; its attributes are not changed under the column")
    func compositeType() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        func models(_ zip: String) -> Schema {
            // Declared before the domain it uses: the order comes from the catalog.
            var s = Schema {
                CompositeType("release", [.init("year", "year"), .init("zip", zip)], comment: "when and where")
                Domain("year", "integer", checks: [CheckConstraint("year_check", "VALUE > 1900")])
            }
            s.tables = [Table("film") {
                Column("id", .integer).primaryKey()
                Column("released", .text, nullable: true, nativeTypes: [.postgres: "release"])
            }]
            return s
        }
        let steps = ModelSteps(db)
        try steps.apply(models("text"))
        try db.executeScript("INSERT INTO film VALUES (1, ROW(1999, '08001'))")
        #expect(try test.values("SELECT (released).year FROM film") == [["1999"]])
        let error = #expect(throws: UnsupportedChange.self) {
            try Autogenerator(models: models("varchar(5)"), graph: RevisionGraph(steps.revisions)).differences(db)
        }
        #expect("\(error!)".contains("film.released"), "\(error!)")
        try steps.revertToFirst()
    }

    @Test("SQLite: the domain is not created, the column takes its portable type, and nothing is left to do")
    func sqlite() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        try ModelSteps(db).apply(Self.models())
        #expect(try test.values("SELECT type FROM pragma_table_info('film') WHERE name = 'release_year'") == [["INTEGER"]])
    }
}
