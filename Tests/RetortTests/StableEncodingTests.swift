import Foundation
@testable import Retort
import Testing

/// The JSON every type in a revision writes, at its two extremes (see `StableEncoding.swift`): a
/// detail at its default is left out, so revisions applied before the detail existed keep their
/// checksums. Pinned as text, so a change shows what moved.
@Suite("Stable encoding: the JSON of every type in a revision, bare and full")
struct StableEncodingTests {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("columns, indexes, key options and constraints")
    func pinned() throws {
        let c = OperationCatalogue.self
        let cases: [(String, any Encodable, String)] = [
            ("bare column", c.bareColumn, #"{"autoincrement":false,"name":"c","nativeTypes":{},"nullable":false,"type":{"integer":{}}}"#),
            ("full column", c.fullColumn, #"{"autoincrement":true,"autoincrementKind":{"identity":{"_0":"always","cache":3,"cycle":true,"increment":2,"maxValue":99,"minValue":1,"start":5}},"collations":{"postgres":"C","sqlite":"NOCASE"},"comment":"note","defaultValue":{"string":{"_0":"x"}},"generated":{"expression":"upper(d)","stored":true},"name":"c","nativeTypes":{"postgres":"varchar(20)","sqlite":"TEXT"},"nullable":true,"type":{"string":{"_0":20}}}"#),
            ("bare index", c.bareIndex, #"{"columns":["c"],"unique":false}"#),
            ("full index", c.fullIndex, #"{"comment":"ix note","include":["e"],"keyOptions":[{"collations":{"postgres":"C"},"descending":true,"nulls":"LAST","opclass":"text_pattern_ops"}],"keys":[{"column":{"_0":"c"}},{"expression":{"_0":"lower(d)"}}],"method":"gin","name":"ix","nullsNotDistinct":true,"predicate":"c > 0","storage":{"fillfactor":"70"},"unique":true}"#),
            ("bare unique", c.bareUnique, #"{"columns":["c"]}"#),
            ("full unique", c.fullUnique, #"{"columns":["c"],"deferrable":"initiallyImmediate","name":"uq","nullsNotDistinct":true}"#),
            ("bare foreign key", c.bareForeignKey, #"{"columns":["c"],"onDelete":"NO ACTION","onUpdate":"NO ACTION","referencedColumns":["id"],"referencedTable":"p"}"#),
            ("full foreign key", c.fullForeignKey, #"{"columns":["c"],"deferrable":"initiallyDeferred","matchFull":true,"name":"fk","notValid":true,"onDelete":"CASCADE","onUpdate":"SET NULL","referencedColumns":["id"],"referencedTable":"p"}"#),
            ("bare check", c.bareCheck, #"{"expression":"c > 0"}"#),
            ("full check", c.fullCheck, #"{"expression":"c > 0","name":"ck","noInherit":true,"notValid":true}"#),
            ("bare primary key", c.barePrimaryKey, #"{"columns":["c"]}"#),
            ("full primary key", c.fullPrimaryKey, #"{"columns":["c"],"deferrable":"initiallyDeferred","name":"pk"}"#),
        ]
        for (name, value, expected) in cases {
            let text = try Self.json(value)
            #expect(text == expected, "\(name): \(text)")
        }
    }

    @Test("each type reads back what it writes")
    func roundTrip() throws {
        let c = OperationCatalogue.self
        func check<T: Codable & Equatable>(_ value: T) throws {
            #expect(try JSONDecoder().decode(T.self, from: try JSONEncoder().encode(value)) == value)
        }
        try check(c.fullColumn); try check(c.bareColumn); try check(c.fullIndex); try check(c.bareIndex)
        try check(c.fullUnique); try check(c.bareUnique); try check(c.fullForeignKey); try check(c.bareForeignKey)
        try check(c.fullCheck); try check(c.bareCheck); try check(c.fullTable); try check(c.fullSequence); try check(c.fullRaw)
    }
}
