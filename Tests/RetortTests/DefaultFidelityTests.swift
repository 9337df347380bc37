import Foundation
import Retort
import Testing

/// Defaults written in the models as a user writes them converge on PostgreSQL: an expression
/// PostgreSQL only accepts in parentheses, typed literals, and a literal of another date/time type.
@Suite("Defaults: AT TIME ZONE, typed literals and temporal casts converge from the models")
struct DefaultFidelityTests {
    @Test("each default applies, leaves no difference, keeps its meaning, and reverts", arguments: [
        ("timestamp", "now() AT TIME ZONE 'utc'"), ("numeric", "numeric '1.5'"), ("integer", "int '1'"), ("boolean", "boolean 'true'"),
        ("timestamptz", "timestamp '2024-01-01 00:00:00'"), ("date", "date '2024-02-29'"),
    ])
    func defaults(type: String, expression: String) throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Schema { Table("t") { Column("id", .integer).primaryKey() } })
        try steps.apply(Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("v", .native(type), nullable: true, default: .expression(expression))
            }
        })
        // A timestamp literal in a timestamptz column is read in the inserting session's zone.
        if type == "timestamptz" {
            try db.executeScript("SET TimeZone = 'America/New_York'; INSERT INTO t (id) VALUES (1); RESET TimeZone")
            #expect(try db.query("SELECT (v AT TIME ZONE 'UTC')::text FROM t").first?.first?.string == "2024-01-01 05:00:00")
        }
        try steps.revertToFirst()
    }
}
