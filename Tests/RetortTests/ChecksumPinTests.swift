import Foundation
@testable import Retort
import Testing

/// Checksums of applied revisions are recorded in databases: a new version of Retort must compute
/// the same checksum for a revision an earlier version applied, or `check` and `upgrade` would say
/// every applied revision was edited. The values below were computed by the previous release on
/// the literal of `RevisionLiteralTests` (every IR detail) and on a revision as autogen writes it.
@Suite("Checksums: revisions applied by the previous version keep their checksums")
struct ChecksumPinTests {
    static let pinned: [(String, [MigrationOperation], String)] = [
        ("every_detail", RevisionLiteralTests.ops, "5a82c5f4d03872f6"),
        ("identity_and_serial", [
            .createTable(Table("t") {
                Column("id", .bigint).identity(.always, start: 100, increment: 5).primaryKey()
                Column("n", .integer).serial()
                Column("m", .smallint).identity()
            }),
            .addColumn(table: "t", column: Column("x", .integer, autoincrement: true, autoincrementKind: .identity(.byDefault))),
        ], "7beb35f74e7c2a0c"),
    ]

    @Test("each pinned revision's checksum is the one the previous version recorded")
    func pinned() {
        for (id, ops, checksum) in Self.pinned {
            let revision = RevisionInfo(id: id, parents: ["p"], message: "m", createdAt: "2026-01-01T00:00:00Z", upgrade: ops)
            #expect(revision.checksum == checksum, "\(id)")
        }
    }
}
