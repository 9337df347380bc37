import Foundation
@testable import Retort
import Testing

/// Checksums of applied revisions are recorded in databases: a new version of Retort must compute
/// the same checksum for a revision an earlier version applied, or `check` and `upgrade` would say
/// every applied revision was edited. The values below were computed by the previous release: on
/// the literal of `RevisionLiteralTests` (every IR detail), on a revision as autogen writes it, and
/// on one revision per operation case and payload extreme of `OperationCatalogue` (the checksum
/// covers the derived downgrade too, so every inverse is pinned with it).
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
        // A step in two dialects' SQL with no reverse: its derived downgrade names it by the first
        // dialect's text (it once took the dictionary's order, which changes from process to process).
        ("irreversible_per_dialect_sql", [
            .execute(RawSQL(perDialect: [.postgres: "SELECT pg_sleep(0)", .sqlite: "SELECT 1"])),
        ], "72b0ea02b6475973"),
    ]

    /// Checksums of one-operation revisions, by `OperationCatalogue` label.
    static let perOperation: [String: String] = [
        "createTable.bare": "2da149230ec71be8",
        "createTable.full": "2aa97863e4bce997",
        "dropTable.bare": "09fa0fd381467469",
        "dropTable.full": "4bd67c25e68cc79a",
        "addColumn.bare": "071e77d87d404a2c",
        "addColumn.full": "eab414641a288871",
        "dropColumn.bare": "3df50d5f3308fdc0",
        "dropColumn.full": "f22731f1dd5db74b",
        "alterColumn.bareToFull": "baea46d69c51f363",
        "alterColumn.fullToBare": "38f19e5c59d4c2cb",
        "createIndex.bare": "4b77aed992015336",
        "createIndex.full": "cb86ca732b396b85",
        "dropIndex.bare": "e9accd8aa11cc6a3",
        "dropIndex.full": "ed67653fe210ef8c",
        "createIndexConcurrently.bare": "bd5581c4adb48170",
        "createIndexConcurrently.full": "22fb54c7444b2643",
        "dropIndexConcurrently.bare": "965edaa72f8659fd",
        "dropIndexConcurrently.full": "6bf96e9b75569d9a",
        "addConstraint.primaryKey.bare": "e79d06fd3ebc2c40",
        "addConstraint.primaryKey.full": "5a3997245dbedcaf",
        "addConstraint.unique.bare": "5aeeddeb442885da",
        "addConstraint.unique.full": "222724f85087aa2d",
        "addConstraint.foreignKey.bare": "a16db49326b00610",
        "addConstraint.foreignKey.full": "f229ecaa7d4c86cd",
        "addConstraint.check.bare": "6d13b90ae47775f1",
        "addConstraint.check.full": "c1dfe6c44cd94f64",
        "dropConstraint.primaryKey.full": "7c15e11eb5094f65",
        "dropConstraint.unique.full": "851c8c3696573cf7",
        "dropConstraint.foreignKey.full": "5d62f33bbd9fa277",
        "dropConstraint.check.bare": "1214528806e1d23b",
        "setTableComment.set": "faf58bf60890044f",
        "setTableComment.clear": "a122b5054f76dce4",
        "setSQLiteTableOptions.set": "7b067b562e95bc32",
        "setSQLiteTableOptions.clear": "17c04fc4bab7d089",
        "renameTable": "c48e590a977abd77",
        "renameColumn": "4892b1a2d8c75151",
        "renameIndex": "a325897587a15205",
        "renameConstraint": "21697ceb474fc472",
        "renameEnumType": "9915a64f1d4f0f06",
        "renameEnumValue.bare": "2b48da7534fd3f33",
        "renameEnumValue.full": "94b64c59b154dff2",
        "createEnumType.bare": "1677ac5a8c003c53",
        "createEnumType.full": "40af64f9da8c682a",
        "dropEnumType.full": "3e0aca357954b4c3",
        "addEnumValue.end": "c6a561183ca2db4f",
        "addEnumValue.before": "79d62f49b4f6fed7",
        "addEnumValue.after": "1ca215d298116954",
        "replaceEnumType": "e13770be0399207a",
        "createSequence.bare": "eb895e6ff587ba8d",
        "createSequence.full": "8e44d1012f042fd0",
        "dropSequence.full": "05ad7c1630776035",
        "alterSequence": "ab62541f17902e00",
        "setIndexComment.set": "024ff2a3932952bd",
        "setIndexComment.clear": "e91bb72ee973c01a",
        "validateConstraint": "e7f3ea096964b46c",
        "backfill.integer": "71edb8c04d896bb0",
        "backfill.expression": "213a90f365aaeac3",
        "batchedUpdate.bare": "dd8f4af583eb7ab2",
        "batchedUpdate.full": "87c5d68effce999d",
        "expect.noRows": "154690bb9e6d6521",
        "expect.count": "68511ce669454fbd",
        "execute.bare": "ab1832e2a84b426f",
        "execute.full": "7493a7556024b16a",
        "code.irreversible": "36cebc84ac4374dd",
        "code.reversible": "42056ffc31a6c754",
        // The object kinds (pinned by the version that brought them).
        "createObject.view.bare": "f2b30cd11873f756",
        "createObject.view.full": "0f6c7e97c963f877",
        "dropObject.view.full": "7f1be0a299ecdaba",
        "replaceObject.view": "578cf59a99257380",
        "recreateObject.view": "fa87953eb004e8ee",
        "createObject.domain.bare": "6a584c6854d409a1",
        "createObject.domain.full": "02e9b2e7c22942e2",
        "dropObject.domain.full": "8cc3c40d17db351f",
        "replaceObject.domain": "dc7dc52af422d710",
        "recreateObject.domain": "2a74679f20328e93",
        "createObject.compositeType.bare": "6709de4e5815ef7c",
        "createObject.compositeType.full": "8d3f196b25c6c84f",
        "dropObject.compositeType.full": "dae9f8407b99050a",
        "replaceObject.compositeType": "9dcb5fb1ff8264a1",
        "recreateObject.compositeType": "875bbbffe41c7eec",
        "createObject.aggregate.bare": "29a45533a54fa298",
        "createObject.aggregate.full": "bca0befc5e2d89d7",
        "createObject.function.bare": "e695dbe18d55a279",
        "createObject.function.full": "79beff042214251a",
        "dropObject.aggregate.full": "85ea4c5c06b51612",
        "dropObject.function.full": "82d83aa9ea41e107",
        "recreateObject.aggregate": "7adc13f2c44e486c",
        "recreateObject.function": "b72ada3de54cbb31",
        "replaceObject.aggregate": "fb487f82f82dce69",
        "replaceObject.function": "29f73e6321d3e996",
        "createTable.partitioned": "de66d383a2b8ef77",
        "createObject.partition.bare": "dd33e93c6f019d19",
        "createObject.partition.full": "5af54eefbb478350",
        "dropObject.partition.full": "b226e63fcd2d7699",
        "replaceObject.partition": "e95cdaf83a07f2ce",
        "createTable.secured": "2fdcc6b4a70c352d",
        "setRowLevelSecurity.set": "90796852b5169088",
        "setRowLevelSecurity.clear": "0be3ccc173a7f6af",
        "createObject.policy.bare": "6ae5e3ba52c96be5",
        "createObject.policy.full": "003540d7c4cfec6c",
        "dropObject.policy.full": "cd1c1c1e73ba0d89",
        "replaceObject.policy": "00469d6a6ae954cc",
        "createTable.excluding": "c85a363b3a74bbdb",
        "createObject.exclusion.bare": "b177cf1a2c8c8917",
        "createObject.exclusion.full": "2dc241c67ba6cd72",
        "dropObject.exclusion.full": "6529b0a3edf29a87",
        "replaceObject.exclusion": "8ce577547d27c79a",
        "createObject.extension.bare": "031cab6f4c5ad7c6",
        "createObject.extension.full": "e73d88a3388ef16b",
        "dropObject.extension.full": "0d748c4cf8c2effa",
        "replaceObject.extension": "12ae64eb125b1147",
        "createObject.materializedView.bare": "89756225dbb7dc3d",
        "createObject.materializedView.full": "17878ea38c1db862",
        "dropObject.materializedView.full": "a580f735768f36eb",
        "recreateObject.materializedView": "3bb760b2f99f041b",
        "replaceObject.materializedView": "41842d0fdd985b60",
        "createObject.trigger.bare": "b3215cae7db5da3f",
        "createObject.trigger.full": "f9a82cb761705168",
        "dropObject.trigger.full": "8e362a22e79b68e5",
        "recreateObject.trigger": "5b9bd926f7ad8395",
        "replaceObject.trigger": "6fca1924119be36e",
    ]

    static func revision(_ id: String, _ ops: [MigrationOperation], downgrade: [MigrationOperation]? = nil, transactional: Bool = true) -> RevisionInfo {
        RevisionInfo(
            id: id, parents: ["p"], message: "m", createdAt: "2026-01-01T00:00:00Z", upgrade: ops, downgrade: downgrade,
            transactional: transactional)
    }

    @Test("each pinned revision's checksum is the one the previous version recorded")
    func pinned() {
        for (id, ops, checksum) in Self.pinned {
            #expect(Self.revision(id, ops).checksum == checksum, "\(id)")
        }
    }

    @Test("every operation case at both payload extremes keeps its checksum, derived downgrade included")
    func everyOperation() {
        var computed: [String] = []
        for (label, op) in OperationCatalogue.operations {
            let checksum = Self.revision("r_\(label)", [op]).checksum
            computed.append("        \"\(label)\": \"\(checksum)\",")
            #expect(Self.perOperation[label] == checksum, "\(label)")
        }
        #expect(Self.perOperation.count == OperationCatalogue.operations.count, "pins:\n\(computed.joined(separator: "\n"))")
    }

    /// Operations a revision applied by the previous version cannot hold (the kinds added since).
    static let newer: Set<String> = ["createTable.partitioned", "createTable.secured", "createTable.excluding", "setRowLevelSecurity.set", "setRowLevelSecurity.clear"]

    @Test("an explicit downgrade and a non-transactional revision keep their checksums")
    func revisionShapes() {
        let ops = OperationCatalogue.operations.map(\.op)
        let explicit = Self.revision("r_explicit", [ops[0]], downgrade: [.execute(OperationCatalogue.fullRaw)])
        let nonTransactional = Self.revision("r_nontx", [ops[14], ops[16]], transactional: false)
        // Every operation a revision applied by the previous version can hold: not the object kinds' ones.
        let everything = Self.revision(
            "r_all", OperationCatalogue.operations.filter { !OperationCatalogue.objectCaseNames.contains(OperationCatalogue.caseName($0.op)) && !Self.newer.contains($0.label) }.map(\.op))
        #expect(explicit.checksum == "7a8a28e100e98a85", "explicit")
        #expect(nonTransactional.checksum == "9caea34f3bb9aecc", "nonTransactional")
        #expect(everything.checksum == "0a21c10f8bc0f460", "everything")
    }

    @Test("the catalogue holds every operation case")
    func everyCaseIsCatalogued() throws {
        // `caseName` is exhaustive, so it compiles only with every case; the cases declared in the
        // enum's source must each have a sample here, or no pin covers them.
        let source = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Sources/Retort/Operations/MigrationOperation.swift"), encoding: .utf8)
        let body = source.components(separatedBy: "public enum MigrationOperation")[1].components(separatedBy: "\n}\n")[0]
        let declared = Set(body.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("    case ") else { return nil }
            return String(line.dropFirst("    case ".count).prefix { $0.isLetter || $0.isNumber })
        })
        #expect(declared.count >= 33)
        #expect(declared == OperationCatalogue.allCaseNames, "missing: \(declared.subtracting(OperationCatalogue.allCaseNames).sorted())")
    }

    @Test("the full payloads set every optional field, so each field's encoding is pinned")
    func fullPayloadsSetEverything() {
        var table = OperationCatalogue.fullTable
        table.columns = [OperationCatalogue.fullColumn]
        table.uniqueConstraints = [OperationCatalogue.fullUnique]
        table.foreignKeys = [OperationCatalogue.fullForeignKey]
        table.checks = [OperationCatalogue.fullCheck]
        table.indexes = [OperationCatalogue.fullIndex]
        let values: [(String, Any)] = [
            ("table", table), ("sequence", OperationCatalogue.fullSequence), ("raw", OperationCatalogue.fullRaw),
            ("enum", OperationCatalogue.fullEnum), ("view", OperationCatalogue.fullView), ("domain", OperationCatalogue.fullDomain),
            ("compositeType", OperationCatalogue.fullCompositeType), ("function", OperationCatalogue.fullFunction),
            ("aggregate", OperationCatalogue.fullAggregate), ("trigger", OperationCatalogue.fullTrigger),
            ("materializedView", OperationCatalogue.fullMaterializedView), ("partition", OperationCatalogue.fullPartition),
            ("partitionedTable", OperationCatalogue.partitionedTable.partitioning!),
            ("policy", OperationCatalogue.fullPolicy), ("exclusion", OperationCatalogue.fullExclusion),
            ("extension", OperationCatalogue.fullExtension), ("securedTable", OperationCatalogue.securedTable.rowLevelSecurity!),  // a partition's parts are pinned by `partition`
        ]
        // A reverse has no reverse of its own; a descending key's NULLS LAST is its non-default order.
        // The full table's trigger is the kind kept as written (its encoding is pinned as such); the
        // full trigger fires per statement, the non-default `false`.
        let legacyTrigger = ["events", "updateOf", "when", "function", "arguments", "body", "oldTable", "newTable", "constraint", "deferrable", "comment"]
        // The full table is pinned from before tables had partitions; `partitionedTable` has them.
        let exceptions = Set(["raw.reverseStorage[0].reverseStorage", "trigger.forEachRow", "materializedView.withData", "table.partitioning",
                              "table.rowLevelSecurity", "table.policies", "policy.permissive", "table.exclusionConstraints"] + legacyTrigger.map { "table.triggers[0].\($0)" })
        for (name, value) in values {
            // An index's own fields are pinned by the full table's index.
            let unset = OperationCatalogue.unsetFields(value, path: name)
                .filter { !exceptions.contains($0) && !$0.hasPrefix("materializedView.indexes[0].") && !$0.hasPrefix("partition.indexes[0].")
                    && !($0.contains("partitions[") && !$0.hasSuffix("].bound") && !$0.hasSuffix("].name")) }
            #expect(unset.isEmpty, "\(unset)")
        }
    }
}
