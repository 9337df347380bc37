import Foundation
@testable import Retort
import Testing

/// Revision files hold operations as Swift literals: every new IR detail must be written in a form
/// that compiles and reads back as the same value. The literal below is `SwiftLiteral`'s own
/// output (the test checks it still is), so this file compiling proves the generated code compiles.
@Suite("Revision literals: every schema detail is written as Swift that compiles back to the same value")
struct RevisionLiteralTests {
    // literal-begin
    static let ops: [MigrationOperation] = [
        .createTable(Table(
            name: "t",
            columns: [
                Column("id", .bigint, autoincrement: true, autoincrementKind: .identity(.always, start: 5)),
                Column("s", .integer, autoincrement: true, autoincrementKind: .serial),
            ],
            primaryKey: PrimaryKey(["id"], name: "pk", deferrable: .initiallyDeferred),
            uniqueConstraints: [
                UniqueConstraint(["s"], name: "u", deferrable: .initiallyImmediate, nullsNotDistinct: true),
            ],
            foreignKeys: [
                ForeignKey(["s"], references: "t", ["id"], name: "f", deferrable: .initiallyDeferred, matchFull: true, notValid: true),
            ],
            checks: [
                CheckConstraint("c", "s > 0", noInherit: true, notValid: true),
            ],
            indexes: [
                Index(["s"], name: "i", using: "gin", options: [IndexKeyOptions(opclass: "x", descending: true, nulls: .last)], include: ["id"], storage: ["fillfactor": "70"], nullsNotDistinct: true, comment: "c"),
                Index(keys: [.expression("lower(s)")], name: "j", using: "hash"),
            ]
        )),
        .createEnumType(EnumType("e", ["a"])),
        .addEnumValue(type: "e", value: "b", before: "a", after: nil),
        .createSequence(DatabaseSequence("q", type: .bigint, start: 3, increment: 1, minValue: 1, maxValue: 9223372036854775807, cache: 1)),
        .alterSequence(
            from: DatabaseSequence("q", type: .bigint, start: 1, increment: 1, minValue: 1, maxValue: 9223372036854775807, cache: 1),
            to: DatabaseSequence("q", type: .bigint, start: 1, increment: 2, minValue: 1, maxValue: 9223372036854775807, cache: 1)
        ),
        .setIndexComment(table: "t", index: "i", from: nil, to: "x"),
        .validateConstraint(table: "t", name: "c"),
        .dropEnumType(EnumType("e", ["a"])),
        .dropSequence(DatabaseSequence("q", type: .bigint, start: 1, increment: 1, minValue: 1, maxValue: 9223372036854775807, cache: 1)),
    ]
    // literal-end

    @Test("the literal above is what SwiftLiteral writes for its value")
    func roundTrip() throws {
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let lines = source.components(separatedBy: "\n")
        let start = lines.firstIndex { $0.contains("// literal-begin") }! + 2
        let end = lines.firstIndex { $0.contains("// literal-end") }! - 1
        let written = lines[start..<end].map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : $0 }.joined(separator: "\n") + "\n"
        #expect(try SwiftLiteral.operations(Self.ops, pad: "    ") == written)
        // And the value survives the JSON that checksums are computed from.
        let data = try JSONEncoder().encode(Self.ops)
        #expect(try JSONDecoder().decode([MigrationOperation].self, from: data) == Self.ops)
    }
}
