import Foundation
import Retort
import Testing

/// Extensions and exclusion constraints as the models declare them: created before what uses
/// their types and operator classes, updated to a newer version, dropped after; an exclusion
/// constraint enforced, changed and reverted; drift reported; an extension another schema of the
/// database uses is not this schema's drift; left out on SQLite with a note.
@Suite("Extensions and exclusion constraints: created in order, enforced, updated, drift reported")
struct ExtensionTests {
    static func models(version: String? = nil, predicate: String = "NOT cancelled", exclusion: Bool = true) -> Schema {
        Schema {
            Extension("citext", version: version)
            Extension("btree_gist")
            Table("booking") {
                Column("id", .integer).primaryKey()
                Column("room_id", .integer)
                Column("guest", .text, nativeTypes: [.postgres: "citext"])
                Column("starts_at", .timestamptz)
                Column("ends_at", .timestamptz)
                Column("cancelled", .boolean, default: false)
                Unique("guest", "starts_at", name: "booking_guest_once")
                if exclusion {
                    ExclusionConstraint(
                        "booking_no_overlap", [.init("room_id", "="), .init(key: .expression("tstzrange(starts_at, ends_at)"), "&&")],
                        where: predicate, comment: "a room is booked once at a time")
                }
            }
        }
    }

    @Test("PostgreSQL: extensions before the table, citext and the exclusion constraint enforced, changed, reverted, extensions dropped")
    func lifecycle() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Schema { Table("other") { Column("id", .integer).primaryKey() } })
        try steps.apply(Self.models())
        try db.executeScript("INSERT INTO booking VALUES (1, 7, 'Ann', '2026-01-01 10:00+00', '2026-01-01 12:00+00', false)")
        #expect(throws: (any Error).self) { try db.executeScript("INSERT INTO booking VALUES (2, 7, 'Bob', '2026-01-01 11:00+00', '2026-01-01 13:00+00', false)") }
        #expect(throws: (any Error).self) { try db.executeScript("INSERT INTO booking VALUES (3, 8, 'ANN', '2026-01-01 10:00+00', '2026-01-01 11:00+00', false)") }
        try db.executeScript("INSERT INTO booking VALUES (4, 7, 'Cy', '2026-01-01 11:00+00', '2026-01-01 13:00+00', true)")
        // A new predicate: the constraint is dropped and added again.
        try steps.apply(Self.models(predicate: "NOT cancelled AND room_id > 0"))
        try steps.revertToFirst()
        #expect(try test.values("SELECT count(*) FROM pg_extension WHERE extname IN ('citext', 'btree_gist')") == [["0"]])
    }

    @Test("PostgreSQL: a newer version the models ask for is installed with ALTER EXTENSION … UPDATE")
    func update() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("CREATE EXTENSION citext VERSION '1.5'")
        let steps = ModelSteps(db)
        try steps.apply(Schema { Extension("citext", version: "1.6"); Table("t") { Column("id", .integer).primaryKey() } })
        #expect(try test.values("SELECT extversion FROM pg_extension WHERE extname = 'citext'") == [["1.6"]])
        #expect(steps.revisions[0].upgrade.map(\.summary).contains("replace extension citext"))
    }

    @Test("PostgreSQL: an exclusion constraint dropped or changed by hand is drift; in other words it is not; another schema's extension is not drift")
    func drift() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let models = Self.models()
        let steps = ModelSteps(db)
        try steps.apply(models)
        let generator = try Autogenerator(models: models, graph: RevisionGraph(steps.revisions))
        try db.executeScript("ALTER TABLE booking DROP CONSTRAINT booking_no_overlap")
        #expect(try generator.differences(db).map(\.summary) == ["create exclusion constraint booking.booking_no_overlap"])
        try db.executeScript("""
            ALTER TABLE booking ADD CONSTRAINT booking_no_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (cancelled = false);
            COMMENT ON CONSTRAINT booking_no_overlap ON booking IS 'a room is booked once at a time'
            """)
        #expect(try generator.differences(db).map(\.summary).sorted()
                == ["create exclusion constraint booking.booking_no_overlap", "drop exclusion constraint booking.booking_no_overlap"])
        try db.executeScript("""
            ALTER TABLE booking DROP CONSTRAINT booking_no_overlap;
            ALTER TABLE booking ADD CONSTRAINT booking_no_overlap EXCLUDE USING GIST (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (((NOT cancelled)));
            COMMENT ON CONSTRAINT booking_no_overlap ON booking IS 'a room is booked once at a time';
            CREATE SCHEMA elsewhere; CREATE EXTENSION hstore SCHEMA elsewhere
            """)
        #expect(try generator.differences(db).isEmpty)
        try db.executeScript("CREATE EXTENSION pg_trgm")
        #expect(try generator.differences(db).map(\.summary) == ["drop extension pg_trgm"])
    }

    @Test("SQLite: extensions and exclusion constraints are left out with a note; the same revision runs there")
    func sqlite() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        let revision = try ModelSteps(db).apply(Self.models())
        let notes = revision.upgrade.postgresOnlyDetails
        // Autogenerated on SQLite, the revision holds no extension; one made on PostgreSQL does, and runs here with a note.
        #expect([MigrationOperation.createObject(.extension(Extension("citext")))].postgresOnlyDetails == ["extension citext is not created on SQLite, which has none"])
        #expect(notes.contains("exclusion constraint booking_no_overlap on booking is not created on SQLite, which has none"))
    }
}
