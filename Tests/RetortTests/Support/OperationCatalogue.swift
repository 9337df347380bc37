@testable import Retort

/// Every operation case with its payload at the two extremes: every optional field unset, and
/// every optional field set (with every value kind the field can hold). The checksum pins and the
/// encoding tests read it; `caseName` is exhaustive, so a new operation fails to compile here
/// until it has entries.
enum OperationCatalogue {
    /// A column with nothing optional set.
    static let bareColumn = Column("c", .integer)
    /// A column with every optional detail set.
    static let fullColumn = Column(
        "c", .string(20), nullable: true, default: .string("x"), autoincrement: true,
        autoincrementKind: .identity(.always, start: 5, increment: 2, minValue: 1, maxValue: 99, cache: 3, cycle: true),
        comment: "note", nativeTypes: [.postgres: "varchar(20)", .sqlite: "TEXT"], generated: .stored("upper(d)"),
        collations: [.postgres: "C", .sqlite: "NOCASE"])

    /// One column per column type, default kind and autoincrement kind.
    static let columnVariety: [Column] = [
        Column("a1", .smallint, default: .integer(-3)),
        Column("a2", .bigint, autoincrementKind: .serial),
        Column("a3", .integer, autoincrementKind: .identity(.byDefault)),
        Column("a4", .text, default: .expression("lower('X')")),
        Column("a5", .boolean, default: .boolean(true)),
        Column("a6", .real, default: .number("1.5")),
        Column("a7", .double, nullable: true),
        Column("a8", .decimal(10, 2), default: .number("0.10")),
        Column("a9", .date, default: .currentDate),
        Column("b1", .timestamp, default: .currentTimestamp),
        Column("b2", .timestamptz),
        Column("b3", .uuid),
        Column("b4", .json),
        Column("b5", .blob),
        Column("b6", .enumeration("mood", ["ok", "meh"]), default: "ok"),
        Column("b7", .native("inet")),
        Column("b8", .integer, generated: .virtual("a1 + 1")),
    ]

    static let bareIndex = Index(["c"])
    static let fullIndex = Index(
        keys: [.column("c"), .expression("lower(d)")], unique: true, name: "ix", where: "c > 0", using: "gin",
        options: [IndexKeyOptions(opclass: "text_pattern_ops", descending: true, nulls: .last, collations: [.postgres: "C"])],
        include: ["e"], storage: ["fillfactor": "70"], nullsNotDistinct: true, comment: "ix note")

    static let barePrimaryKey = PrimaryKey(["c"])
    static let fullPrimaryKey = PrimaryKey(["c"], name: "pk", deferrable: .initiallyDeferred)
    static let bareUnique = UniqueConstraint(["c"])
    static let fullUnique = UniqueConstraint(["c"], name: "uq", deferrable: .initiallyImmediate, nullsNotDistinct: true)
    static let bareForeignKey = ForeignKey(["c"], references: "p", ["id"])
    static let fullForeignKey = ForeignKey(
        ["c"], references: "p", ["id"], onDelete: .cascade, onUpdate: .setNull, name: "fk", deferrable: .initiallyDeferred,
        matchFull: true, notValid: true)
    static let bareCheck = CheckConstraint(nil, "c > 0")
    static let fullCheck = CheckConstraint("ck", "c > 0", noInherit: true, notValid: true)

    static let bareTable = Table(name: "t", columns: [bareColumn])
    static let fullTable: Table = {
        var hints = TableHints()
        hints.renamedFrom = "old_t"
        hints.columns = ["c": "old_c"]
        hints.backfills = ["c": .integer(0)]
        hints.indexes = ["ix": "old_ix"]
        hints.constraints = ["uq": "old_uq"]
        hints.enumTypes = ["mood": "old_mood"]
        hints.enumValues = ["mood": ["ok": "fine"]]
        var t = Table(
            name: "t", columns: [fullColumn] + columnVariety, primaryKey: fullPrimaryKey, uniqueConstraints: [fullUnique, bareUnique],
            foreignKeys: [fullForeignKey, bareForeignKey], checks: [fullCheck, bareCheck], indexes: [fullIndex, bareIndex],
            comment: "t note", triggers: [Trigger(name: "tr", sql: "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END")],
            sqlite: [.strict, .withoutRowID])
        t.hints = hints
        return t
    }()

    static let bareEnum = EnumType("mood", [])
    static let fullEnum = EnumType("mood", ["ok", "meh"])
    static let bareSequence = DatabaseSequence("s")
    static let fullSequence = DatabaseSequence(
        "s", type: .integer, start: 7, increment: -2, minValue: -100, maxValue: 100, cache: 5, cycle: true,
        ownedBy: ColumnReference("t", "c"))
    static let bareView = View("v", "SELECT 1")
    static let fullView = View(
        "v", "SELECT 1 AS a", perDialect: [.postgres: "SELECT 2 AS a", .sqlite: "SELECT 3 AS a"], columns: ["b"], checkOption: .cascaded,
        securityBarrier: true, securityInvoker: true, comment: "v note")
    static let bareDomain = Domain("d", "integer")
    static let fullDomain = Domain(
        "d", "varchar(20)", default: "'x'", notNull: true, checks: [CheckConstraint("d_check", "VALUE <> ''", noInherit: true, notValid: true)], collation: "C",
        comment: "d note")
    static let bareCompositeType = CompositeType("c", [.init("a", "integer")])
    static let fullCompositeType = CompositeType("c", [.init("a", "integer"), .init("b", "text")], comment: "c note")
    static let bareFunction = Function("f", body: "SELECT 1")
    static let fullFunction = Function(
        "f", kind: .procedure, arguments: [.init("a", "integer", mode: .inout, default: "1")], returns: "integer", language: "plpgsql",
        body: "BEGIN END", volatility: .stable, strict: true, securityDefiner: true, parallel: .safe, leakproof: true,
        settings: ["search_path": "public"], comment: "f note")
    static let bareAggregate = Aggregate("g", ["integer"], stateFunction: "int4pl", stateType: "integer")
    static let fullAggregate = Aggregate(
        "g", ["integer"], stateFunction: "int4pl", stateType: "integer", finalFunction: "fin", initialCondition: "0", comment: "g note")
    static let bareTrigger = Trigger("tr", .after, [.insert], function: "f")
    static let fullTrigger = Trigger(
        "tr", .insteadOf, [.insert, .update], updateOf: ["a"], forEachRow: false, when: "NEW.a > 0", function: "f", arguments: ["x"],
        body: "SELECT 1;", oldTable: "o", newTable: "n", constraint: true, deferrable: .initiallyDeferred, firing: .replica,
        comment: "tr note", sql: "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END")
    static let bareMaterializedView = MaterializedView("m", "SELECT 1 AS a")
    static let fullMaterializedView = MaterializedView(
        "m", "SELECT 1 AS a", withData: false, indexes: [Index(["a"], unique: true, name: "m_a")], comment: "m note")
    static let barePartition = Partition("p1", .default)
    static let fullPartition = Partition(
        "p1", .range(from: ["1", "MINVALUE"], to: ["10", "MAXVALUE"]),
        partitioning: Partitioning(.hash, keys: [.column("a"), .expression("b + 1")], partitions: [Partition("p1a", .hash(modulus: 2, remainder: 0))]),
        indexes: [Index(["a"], name: "p1_a")], comment: "p note")
    static let partitionedTable = Table(
        name: "t", columns: [Column("a", .text)],
        partitioning: Partitioning(.list, on: ["a"], partitions: [Partition("t_x", .list(["'x'", "NULL"])), Partition("t_rest", .default)]))
    static let barePolicy = Policy("p")
    static let fullPolicy = Policy("p", for: .update, permissive: false, to: ["alice"], using: "a > 0", withCheck: "a < 10", comment: "p note")
    static let securedTable = Table(name: "t", columns: [Column("a", .integer)], rowLevelSecurity: .forced, policies: [fullPolicy])
    static let bareExclusion = ExclusionConstraint("x", [.init("a", "=")])
    static let fullExclusion = ExclusionConstraint(
        "x", using: "spgist", [.init("a", "="), .init(key: .expression("int4range(a, b)"), "&&")], where: "a > 0",
        deferrable: .initiallyDeferred, comment: "x note")
    static let excludingTable = Table(name: "t", columns: [Column("a", .integer)], exclusionConstraints: [bareExclusion])
    static let bareExtension = Extension("citext")
    static let fullExtension = Extension("citext", schema: "ext", version: "1.6")
    static let bareRaw = RawSQL("SELECT 1")
    static let fullRaw = RawSQL(
        "SELECT 1", perDialect: [.postgres: "SELECT 2", .sqlite: "SELECT 3"],
        reverse: RawSQL("SELECT 4", perDialect: [.postgres: "SELECT 5"]))

    /// Every operation case, each with a bare and a full payload where its payload has optional parts.
    static let operations: [(label: String, op: MigrationOperation)] = [
        ("createTable.bare", .createTable(bareTable)),
        ("createTable.full", .createTable(fullTable)),
        ("dropTable.bare", .dropTable(bareTable)),
        ("dropTable.full", .dropTable(fullTable)),
        ("addColumn.bare", .addColumn(table: "t", column: bareColumn)),
        ("addColumn.full", .addColumn(table: "t", column: fullColumn)),
        ("dropColumn.bare", .dropColumn(table: "t", column: bareColumn)),
        ("dropColumn.full", .dropColumn(table: "t", column: fullColumn)),
        ("alterColumn.bareToFull", .alterColumn(table: "t", from: bareColumn, to: fullColumn)),
        ("alterColumn.fullToBare", .alterColumn(table: "t", from: fullColumn, to: bareColumn)),
        ("createIndex.bare", .createIndex(table: "t", index: bareIndex)),
        ("createIndex.full", .createIndex(table: "t", index: fullIndex)),
        ("dropIndex.bare", .dropIndex(table: "t", index: bareIndex)),
        ("dropIndex.full", .dropIndex(table: "t", index: fullIndex)),
        ("createIndexConcurrently.bare", .createIndexConcurrently(table: "t", index: bareIndex)),
        ("createIndexConcurrently.full", .createIndexConcurrently(table: "t", index: fullIndex)),
        ("dropIndexConcurrently.bare", .dropIndexConcurrently(table: "t", index: bareIndex)),
        ("dropIndexConcurrently.full", .dropIndexConcurrently(table: "t", index: fullIndex)),
        ("addConstraint.primaryKey.bare", .addConstraint(table: "t", constraint: .primaryKey(barePrimaryKey))),
        ("addConstraint.primaryKey.full", .addConstraint(table: "t", constraint: .primaryKey(fullPrimaryKey))),
        ("addConstraint.unique.bare", .addConstraint(table: "t", constraint: .unique(bareUnique))),
        ("addConstraint.unique.full", .addConstraint(table: "t", constraint: .unique(fullUnique))),
        ("addConstraint.foreignKey.bare", .addConstraint(table: "t", constraint: .foreignKey(bareForeignKey))),
        ("addConstraint.foreignKey.full", .addConstraint(table: "t", constraint: .foreignKey(fullForeignKey))),
        ("addConstraint.check.bare", .addConstraint(table: "t", constraint: .check(bareCheck))),
        ("addConstraint.check.full", .addConstraint(table: "t", constraint: .check(fullCheck))),
        ("dropConstraint.primaryKey.full", .dropConstraint(table: "t", constraint: .primaryKey(fullPrimaryKey))),
        ("dropConstraint.unique.full", .dropConstraint(table: "t", constraint: .unique(fullUnique))),
        ("dropConstraint.foreignKey.full", .dropConstraint(table: "t", constraint: .foreignKey(fullForeignKey))),
        ("dropConstraint.check.bare", .dropConstraint(table: "t", constraint: .check(bareCheck))),
        ("setTableComment.set", .setTableComment(table: "t", from: nil, to: "x")),
        ("setTableComment.clear", .setTableComment(table: "t", from: "x", to: nil)),
        ("setSQLiteTableOptions.set", .setSQLiteTableOptions(table: "t", from: nil, to: [.strict, .withoutRowID])),
        ("setSQLiteTableOptions.clear", .setSQLiteTableOptions(table: "t", from: [.strict], to: nil)),
        ("renameTable", .renameTable(from: "t", to: "u")),
        ("renameColumn", .renameColumn(table: "t", from: "c", to: "d")),
        ("renameIndex", .renameIndex(table: "t", from: "ix", to: "iy")),
        ("renameConstraint", .renameConstraint(table: "t", from: "ck", to: "cl")),
        ("renameEnumType", .renameEnumType(from: "mood", to: "humor")),
        ("renameEnumValue.bare", .renameEnumValue(type: "mood", from: "ok", to: "fine", columns: [])),
        ("renameEnumValue.full", .renameEnumValue(type: "mood", from: "ok", to: "fine", columns: [ColumnReference("t", "c")])),
        ("createEnumType.bare", .createEnumType(bareEnum)),
        ("createEnumType.full", .createEnumType(fullEnum)),
        ("dropEnumType.full", .dropEnumType(fullEnum)),
        ("addEnumValue.end", .addEnumValue(type: "mood", value: "sad", before: nil, after: nil)),
        ("addEnumValue.before", .addEnumValue(type: "mood", value: "sad", before: "ok", after: nil)),
        ("addEnumValue.after", .addEnumValue(type: "mood", value: "sad", before: nil, after: "ok")),
        ("replaceEnumType", .replaceEnumType(from: fullEnum, to: EnumType("mood", ["meh", "ok"]))),
        ("createSequence.bare", .createSequence(bareSequence)),
        ("createSequence.full", .createSequence(fullSequence)),
        ("dropSequence.full", .dropSequence(fullSequence)),
        ("alterSequence", .alterSequence(from: bareSequence, to: fullSequence)),
        ("setIndexComment.set", .setIndexComment(table: "t", index: "ix", from: nil, to: "x")),
        ("setIndexComment.clear", .setIndexComment(table: "t", index: "ix", from: "x", to: nil)),
        ("validateConstraint", .validateConstraint(table: "t", name: "ck")),
        ("backfill.integer", .backfill(table: "t", column: "c", value: .integer(0))),
        ("backfill.expression", .backfill(table: "t", column: "c", value: .expression("now()"))),
        ("batchedUpdate.bare", .batchedUpdate(BatchedUpdate("t", set: [ColumnAssignment("c", "1")]))),
        ("batchedUpdate.full", .batchedUpdate(BatchedUpdate("t", set: [ColumnAssignment("c", "1"), ColumnAssignment("d", "c")], where: "c IS NULL", batchSize: 500))),
        ("expect.noRows", .expect(Expectation(noRows: "SELECT 1 FROM t WHERE c < 0", message: "no negatives"))),
        ("expect.count", .expect(Expectation("SELECT count(*) FROM t", equals: 3, message: "three rows"))),
        ("execute.bare", .execute(bareRaw)),
        ("execute.full", .execute(fullRaw)),
        ("code.irreversible", .code(CustomCode("step") { _ in })),
        ("code.reversible", .code(CustomCode("step", reverse: { _ in }) { _ in })),
        ("createObject.view.bare", .createObject(.view(bareView))),
        ("createObject.view.full", .createObject(.view(fullView))),
        ("dropObject.view.full", .dropObject(.view(fullView))),
        ("replaceObject.view", .replaceObject(from: .view(bareView), to: .view(fullView))),
        ("recreateObject.view", .recreateObject(from: .view(fullView), to: .view(bareView))),
        ("createObject.domain.bare", .createObject(.domain(bareDomain))),
        ("createObject.domain.full", .createObject(.domain(fullDomain))),
        ("dropObject.domain.full", .dropObject(.domain(fullDomain))),
        ("replaceObject.domain", .replaceObject(from: .domain(bareDomain), to: .domain(fullDomain))),
        ("recreateObject.domain", .recreateObject(from: .domain(fullDomain), to: .domain(bareDomain))),
        ("createObject.compositeType.bare", .createObject(.compositeType(bareCompositeType))),
        ("createObject.compositeType.full", .createObject(.compositeType(fullCompositeType))),
        ("dropObject.compositeType.full", .dropObject(.compositeType(fullCompositeType))),
        ("replaceObject.compositeType", .replaceObject(from: .compositeType(bareCompositeType), to: .compositeType(fullCompositeType))),
        ("recreateObject.compositeType", .recreateObject(from: .compositeType(fullCompositeType), to: .compositeType(bareCompositeType))),
        ("createObject.function.bare", .createObject(.function(bareFunction))),
        ("createObject.function.full", .createObject(.function(fullFunction))),
        ("dropObject.function.full", .dropObject(.function(fullFunction))),
        ("replaceObject.function", .replaceObject(from: .function(bareFunction), to: .function(fullFunction))),
        ("recreateObject.function", .recreateObject(from: .function(fullFunction), to: .function(bareFunction))),
        ("createObject.aggregate.bare", .createObject(.aggregate(bareAggregate))),
        ("createObject.aggregate.full", .createObject(.aggregate(fullAggregate))),
        ("dropObject.aggregate.full", .dropObject(.aggregate(fullAggregate))),
        ("replaceObject.aggregate", .replaceObject(from: .aggregate(bareAggregate), to: .aggregate(fullAggregate))),
        ("recreateObject.aggregate", .recreateObject(from: .aggregate(fullAggregate), to: .aggregate(bareAggregate))),
        ("createTable.partitioned", .createTable(partitionedTable)),
        ("createTable.secured", .createTable(securedTable)),
        ("createTable.excluding", .createTable(excludingTable)),
        ("createObject.exclusion.bare", .createObject(.exclusion(table: "t", bareExclusion))),
        ("createObject.exclusion.full", .createObject(.exclusion(table: "t", fullExclusion))),
        ("dropObject.exclusion.full", .dropObject(.exclusion(table: "t", fullExclusion))),
        ("replaceObject.exclusion", .replaceObject(from: .exclusion(table: "t", bareExclusion), to: .exclusion(table: "t", fullExclusion))),
        ("createObject.extension.bare", .createObject(.extension(bareExtension))),
        ("createObject.extension.full", .createObject(.extension(fullExtension))),
        ("dropObject.extension.full", .dropObject(.extension(fullExtension))),
        ("replaceObject.extension", .replaceObject(from: .extension(bareExtension), to: .extension(fullExtension))),
        ("setRowLevelSecurity.set", .setRowLevelSecurity(table: "t", from: nil, to: .forced)),
        ("setRowLevelSecurity.clear", .setRowLevelSecurity(table: "t", from: .enabled, to: nil)),
        ("createObject.policy.bare", .createObject(.policy(table: "t", barePolicy))),
        ("createObject.policy.full", .createObject(.policy(table: "t", fullPolicy))),
        ("dropObject.policy.full", .dropObject(.policy(table: "t", fullPolicy))),
        ("replaceObject.policy", .replaceObject(from: .policy(table: "t", barePolicy), to: .policy(table: "t", fullPolicy))),
        ("createObject.partition.bare", .createObject(.partition(table: "t", parent: "t", barePartition))),
        ("createObject.partition.full", .createObject(.partition(table: "t", parent: "t", fullPartition))),
        ("dropObject.partition.full", .dropObject(.partition(table: "t", parent: "t", fullPartition))),
        ("replaceObject.partition", .replaceObject(from: .partition(table: "t", parent: "t", barePartition), to: .partition(table: "t", parent: "t", fullPartition))),
        ("createObject.materializedView.bare", .createObject(.materializedView(bareMaterializedView))),
        ("createObject.materializedView.full", .createObject(.materializedView(fullMaterializedView))),
        ("dropObject.materializedView.full", .dropObject(.materializedView(fullMaterializedView))),
        ("replaceObject.materializedView", .replaceObject(from: .materializedView(bareMaterializedView), to: .materializedView(fullMaterializedView))),
        ("recreateObject.materializedView", .recreateObject(from: .materializedView(fullMaterializedView), to: .materializedView(bareMaterializedView))),
        ("createObject.trigger.bare", .createObject(.trigger(table: "t", bareTrigger))),
        ("createObject.trigger.full", .createObject(.trigger(table: "t", fullTrigger))),
        ("dropObject.trigger.full", .dropObject(.trigger(table: "t", fullTrigger))),
        ("replaceObject.trigger", .replaceObject(from: .trigger(table: "t", bareTrigger), to: .trigger(table: "t", fullTrigger))),
        ("recreateObject.trigger", .recreateObject(from: .trigger(table: "t", fullTrigger), to: .trigger(table: "t", bareTrigger))),
    ]

    /// The cases the object kinds brought (views, …): revisions applied by a version before them
    /// cannot hold them.
    static let objectCaseNames: Set<String> = ["createObject", "dropObject", "replaceObject", "recreateObject"]

    /// The name of an operation's case. Exhaustive on purpose: a new case must be added here, and
    /// then to `operations`, or `everyCaseIsCatalogued` fails.
    static func caseName(_ op: MigrationOperation) -> String {
        switch op {
        case .createTable: "createTable"
        case .dropTable: "dropTable"
        case .addColumn: "addColumn"
        case .dropColumn: "dropColumn"
        case .alterColumn: "alterColumn"
        case .createIndex: "createIndex"
        case .dropIndex: "dropIndex"
        case .createIndexConcurrently: "createIndexConcurrently"
        case .dropIndexConcurrently: "dropIndexConcurrently"
        case .addConstraint: "addConstraint"
        case .dropConstraint: "dropConstraint"
        case .setTableComment: "setTableComment"
        case .setRowLevelSecurity: "setRowLevelSecurity"
        case .setSQLiteTableOptions: "setSQLiteTableOptions"
        case .renameTable: "renameTable"
        case .renameColumn: "renameColumn"
        case .renameIndex: "renameIndex"
        case .renameConstraint: "renameConstraint"
        case .renameEnumType: "renameEnumType"
        case .renameEnumValue: "renameEnumValue"
        case .createEnumType: "createEnumType"
        case .dropEnumType: "dropEnumType"
        case .addEnumValue: "addEnumValue"
        case .replaceEnumType: "replaceEnumType"
        case .createSequence: "createSequence"
        case .dropSequence: "dropSequence"
        case .alterSequence: "alterSequence"
        case .setIndexComment: "setIndexComment"
        case .validateConstraint: "validateConstraint"
        case .backfill: "backfill"
        case .batchedUpdate: "batchedUpdate"
        case .expect: "expect"
        case .execute: "execute"
        case .code: "code"
        case .createObject: "createObject"
        case .dropObject: "dropObject"
        case .replaceObject: "replaceObject"
        case .recreateObject: "recreateObject"
        }
    }

    /// Every case name, in declaration order (one sample value per case).
    static let allCaseNames: Set<String> = Set(operations.map { caseName($0.op) })

    /// Paths of the stored properties of `value`, recursively, whose value is unset: nil, empty, or
    /// false. The full payloads above must have none (apart from the listed exceptions), so a new
    /// optional field fails the test until a full payload sets it.
    static func unsetFields(_ value: Any, path: String = "") -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return unsetFields(wrapped, path: path)
        }
        if let b = value as? Bool { return b ? [] : [path] }
        switch mirror.displayStyle {
        case .collection, .set:
            if mirror.children.isEmpty { return [path] }
            return mirror.children.enumerated().flatMap { unsetFields($0.element.value, path: "\(path)[\($0.offset)]") }
        case .dictionary:
            return mirror.children.isEmpty ? [path] : []
        case .struct, .class:
            return mirror.children.flatMap { child in unsetFields(child.value, path: path + "." + (child.label ?? "?")) }
        case .enum, .tuple:
            return mirror.children.flatMap { child in unsetFields(child.value, path: path + "." + (child.label ?? "?")) }
        default:
            return []
        }
    }
}
