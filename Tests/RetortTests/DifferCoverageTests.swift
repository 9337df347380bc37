@testable import Retort
import Testing

/// "Forgot to compare the new field" must not happen silently: for every IR type the differ
/// compares, the test lists each stored property (by `Mirror`, so a new one fails here until it is
/// listed) and requires that changing it alone makes the differ report a difference, on at least
/// one dialect — or says, in `exempt`, why it must not count.
@Suite("Differ coverage: every stored property of every compared type counts, or is exempt on purpose")
struct DifferCoverageTests {
    static let parent = Table(name: "p", columns: [Column("id", .integer), Column("k", .integer)], primaryKey: PrimaryKey(["id"]))
    static let base = Table(
        name: "t",
        columns: [Column("c", .text, nullable: true, comment: "x"), Column("n", .integer), Column("m", .integer)],
        primaryKey: PrimaryKey(["n"], name: "pk_t"),
        uniqueConstraints: [UniqueConstraint(["m"], name: "uq_t")],
        foreignKeys: [ForeignKey(["m"], references: "p", ["id"], name: "fk_t")],
        checks: [CheckConstraint("ck_t", "n > 0")],
        indexes: [Index(["c"], name: "ix_t", comment: "x")])
    static let sequence = DatabaseSequence("s", type: .bigint)
    static let enumType = EnumType("e", ["a", "b"])

    static func schema(_ table: Table = base, sequence: DatabaseSequence = sequence, enumType: EnumType = enumType) -> Schema {
        var s = Schema(tables: [parent, table])
        s.sequences = [sequence]
        s.enums = [enumType]
        return s
    }

    /// Checks one type: its stored properties are exactly `mutations` ∪ `exempt`, and each mutation
    /// of `value`, placed in a schema by `embed`, is a difference.
    func check<T: Equatable>(
        _ type: String, _ value: T, embed: (T) -> Schema, mutations: [String: (inout T) -> Void], exempt: [String: String] = [:],
        refused: Set<String> = []
    ) throws {
        let labels = Set(Mirror(reflecting: value).children.compactMap(\.label))
        #expect(labels == Set(mutations.keys).union(exempt.keys), "\(type): list every stored property (new: \(labels.subtracting(mutations.keys).subtracting(exempt.keys).sorted()))")
        let before = embed(value)
        for (label, mutate) in mutations.sorted(by: { $0.key < $1.key }) {
            var changed = value
            mutate(&changed)
            #expect(changed != value, "\(type).\(label): the mutation changes nothing")
            let after = embed(changed)
            if refused.contains(label) {
                // A change the database cannot make in place: seen, and refused with a message.
                #expect(throws: UnsupportedChange.self, "\(type).\(label)") { try Differ(dialect: PostgresDialect()).diff(from: before, to: after) }
                continue
            }
            let found = try allDialects.map { try Differ(dialect: $0.implementation).diff(from: before, to: after) }
            #expect(found.contains { !$0.isEmpty }, "\(type).\(label) changed, but the differ found no difference")
        }
    }

    @Test("columns")
    func columns() throws {
        try check("Column", Self.base.columns[0], embed: { c in var t = Self.base; t.columns[0] = c; return Self.schema(t) }, mutations: [
            "name": { $0.name = "c2" },
            "type": { $0.type = .integer },
            "nullable": { $0.nullable = false },
            "defaultValue": { $0.defaultValue = .string("a") },
            "autoincrement": { $0.autoincrement = true },
            "autoincrementKind": { $0.autoincrementKind = .serial },
            "comment": { $0.comment = "y" },
            "nativeTypes": { $0.nativeTypes = [.postgres: "varchar(5)", .sqlite: "VARCHAR(5)"] },
            "generated": { $0.generated = .stored("upper(d)") },
            "collations": { $0.collations = [.postgres: "C", .sqlite: "NOCASE"] },
        ])
        try check("GeneratedColumn", GeneratedColumn("n + 1"), embed: { g in
            var t = Self.base
            t.columns[0] = Column("c", .integer, generated: g)
            return Self.schema(t)
        }, mutations: [
            "expression": { $0.expression = "n + 2" },
            "stored": { $0.stored = false },
        ])
    }

    @Test("indexes and their key options")
    func indexes() throws {
        try check("Index", Self.base.indexes[0], embed: { i in var t = Self.base; t.indexes[0] = i; return Self.schema(t) }, mutations: [
            "name": { $0.name = "ix_t2" },
            "keys": { $0.keys = [.column("n")] },
            "unique": { $0.unique = true },
            "predicate": { $0.predicate = "n > 1" },
            "method": { $0.method = "hash" },
            "keyOptions": { $0.keyOptions = [IndexKeyOptions(descending: true)] },
            "include": { $0.include = ["n"] },
            "storage": { $0.storage = ["fillfactor": "70"] },
            "nullsNotDistinct": { $0.nullsNotDistinct = true },
            "comment": { $0.comment = "y" },
        ])
        try check("IndexKeyOptions", IndexKeyOptions(descending: true), embed: { o in
            var t = Self.base
            t.indexes[0].keyOptions = [o]
            return Self.schema(t)
        }, mutations: [
            "opclass": { $0.opclass = "text_pattern_ops" },
            "descending": { $0.descending = false },
            "nulls": { $0.nulls = .last },
            "collations": { $0.collations = [.postgres: "C", .sqlite: "NOCASE"] },
        ])
    }

    @Test("constraints")
    func constraints() throws {
        try check("PrimaryKey", Self.base.primaryKey!, embed: { k in var t = Self.base; t.primaryKey = k; return Self.schema(t) }, mutations: [
            "name": { $0.name = "pk_t2" },
            "columns": { $0.columns = ["m"] },
            "deferrable": { $0.deferrable = .initiallyDeferred },
        ])
        try check("UniqueConstraint", Self.base.uniqueConstraints[0], embed: { u in
            var t = Self.base
            t.uniqueConstraints[0] = u
            return Self.schema(t)
        }, mutations: [
            "name": { $0.name = "uq_t2" },
            "columns": { $0.columns = ["n"] },
            "deferrable": { $0.deferrable = .initiallyDeferred },
            "nullsNotDistinct": { $0.nullsNotDistinct = true },
        ])
        try check("ForeignKey", Self.base.foreignKeys[0], embed: { k in var t = Self.base; t.foreignKeys[0] = k; return Self.schema(t) }, mutations: [
            "name": { $0.name = "fk_t2" },
            "columns": { $0.columns = ["n"] },
            "referencedTable": { $0.referencedTable = "t" },
            "referencedColumns": { $0.referencedColumns = ["k"] },
            "onDelete": { $0.onDelete = .cascade },
            "onUpdate": { $0.onUpdate = .cascade },
            "deferrable": { $0.deferrable = .initiallyDeferred },
            "matchFull": { $0.matchFull = true },
            "notValid": { $0.notValid = true },
        ])
        try check("CheckConstraint", Self.base.checks[0], embed: { c in var t = Self.base; t.checks[0] = c; return Self.schema(t) }, mutations: [
            "name": { $0.name = "ck_t2" },
            "expression": { $0.expression = "n > 1" },
            "noInherit": { $0.noInherit = true },
            "notValid": { $0.notValid = true },
        ])
    }

    @Test("tables")
    func tables() throws {
        try check("Table", Self.base, embed: { Self.schema($0) }, mutations: [
            "name": { $0.name = "t2" },
            "columns": { $0.columns.append(Column("x", .integer, nullable: true)) },
            "primaryKey": { $0.primaryKey = nil },
            "uniqueConstraints": { $0.uniqueConstraints = [] },
            "foreignKeys": { $0.foreignKeys = [] },
            "checks": { $0.checks = [] },
            "indexes": { $0.indexes = [] },
            "comment": { $0.comment = "y" },
            "sqlite": { $0.sqlite = [.strict] },
            "triggers": { $0.triggers = [Trigger("tr", .after, [.update], function: "f", body: "SELECT 1;")] },
            "partitioning": { $0.partitioning = Partitioning(.range, on: ["n"]) },
            "rowLevelSecurity": { $0.rowLevelSecurity = .forced },
            "policies": { $0.policies = [Policy("p", using: "n > 0")] },
            "exclusionConstraints": { $0.exclusionConstraints = [ExclusionConstraint("x", [.init("n", "=")])] },
        ], exempt: [
            "hints": "renames and backfills the models ask for: they steer the difference, they are not part of it",
        ], refused: ["partitioning"])
    }

    @Test("row-level security and policies")
    func policies() throws {
        let policy = Policy("p", using: "n > 0", comment: "x")
        try check("Policy", policy, embed: { var t = Self.base; t.policies = [$0]; return Self.schema(t) }, mutations: [
            "name": { $0.name = "p2" },
            "command": { $0.command = .select },
            "permissive": { $0.permissive = false },
            "roles": { $0.roles = ["alice"] },
            "using": { $0.using = "n > 1" },
            "withCheck": { $0.withCheck = "n < 10" },
            "comment": { $0.comment = "y" },
        ])
        try check("RowLevelSecurity", RowLevelSecurity.enabled, embed: { var t = Self.base; t.rowLevelSecurity = $0; return Self.schema(t) }, mutations: [
            "enabled": { $0.enabled = false },
            "forced": { $0.forced = true },
        ])
    }

    @Test("extensions and exclusion constraints")
    func extensionsAndExclusions() throws {
        try check("Extension", Extension("citext", schema: "ext", version: "1.5"), embed: { var s = Self.schema(); s.extensions = [$0]; return s }, mutations: [
            "name": { $0.name = "pg_trgm" },
            "schema": { $0.schema = "other" },
            "version": { $0.version = "1.6" },
        ])
        let x = ExclusionConstraint("x", [.init("n", "=")], comment: "c")
        try check("ExclusionConstraint", x, embed: { var t = Self.base; t.exclusionConstraints = [$0]; return Self.schema(t) }, mutations: [
            "name": { $0.name = "x2" },
            "method": { $0.method = "spgist" },
            "elements": { $0.elements = [.init("n", "&&")] },
            "predicate": { $0.predicate = "n > 0" },
            "deferrable": { $0.deferrable = .initiallyDeferred },
            "comment": { $0.comment = "d" },
        ])
        try check("ExclusionConstraint.Element", ExclusionConstraint.Element("n", "="),
                  embed: { var t = Self.base; t.exclusionConstraints = [ExclusionConstraint("x", [$0])]; return Self.schema(t) }, mutations: [
            "key": { $0.key = .expression("n + 1") },
            "operator": { $0.operator = "<>" },
        ])
    }

    @Test("partitions")
    func partitions() throws {
        let partition = Partition("t_1", .range(from: ["1"], to: ["10"]), indexes: [Index(["n"], name: "t_1_n")], comment: "x")
        let partitioning = Partitioning(.range, on: ["n"], partitions: [partition])
        func table(_ p: Partitioning) -> Schema {
            var t = Self.base
            t.partitioning = p
            return Self.schema(t)
        }
        try check("Partitioning", partitioning, embed: table, mutations: [
            "strategy": { $0.strategy = .list },
            "keys": { $0.keys = [.expression("n + 1")] },
            "partitions": { $0.partitions.append(Partition("t_2", .default)) },
        ], refused: ["strategy", "keys"])
        try check("Partition", partition, embed: { table(Partitioning(.range, on: ["n"], partitions: [$0])) }, mutations: [
            "name": { $0.name = "t_2" },
            "bound": { $0.bound = .range(from: ["1"], to: ["20"]) },
            "partitioning": { $0.partitioning = Partitioning(.hash, on: ["n"]) },
            "indexes": { $0.indexes = [] },
            "comment": { $0.comment = "y" },
        ], refused: ["partitioning"])
    }

    @Test("enum types and sequences")
    func schemaObjects() throws {
        try check("EnumType", Self.enumType, embed: { Self.schema(enumType: $0) }, mutations: [
            "name": { $0.name = "e2" },
            "values": { $0.values = ["a", "b", "c"] },
        ])
        try check("DatabaseSequence", Self.sequence, embed: { Self.schema(sequence: $0) }, mutations: [
            "name": { $0.name = "s2" },
            "type": { $0.type = .integer },
            "start": { $0.start = 5 },
            "increment": { $0.increment = 2 },
            "minValue": { $0.minValue = 0 },
            "maxValue": { $0.maxValue = 1000 },
            "cache": { $0.cache = 10 },
            "cycle": { $0.cycle = true },
            "ownedBy": { $0.ownedBy = ColumnReference("t", "n") },
        ])
    }

    @Test("domains")
    func domains() throws {
        let domain = Domain("d", "integer", checks: [CheckConstraint("d_check", "VALUE > 0")], comment: "x")
        try check("Domain", domain, embed: { var s = Self.schema(); s.domains = [$0]; return s }, mutations: [
            "name": { $0.name = "d2" },
            "type": { $0.type = "bigint" },
            "defaultValue": { $0.defaultValue = "1" },
            "notNull": { $0.notNull = true },
            "checks": { $0.checks = [CheckConstraint("d_check", "VALUE > 1")] },
            "collation": { $0.collation = "C" },
            "comment": { $0.comment = "y" },
        ])
    }

    @Test("composite types")
    func compositeTypes() throws {
        let type = CompositeType("c", [.init("a", "integer"), .init("b", "text")], comment: "x")
        try check("CompositeType", type, embed: { var s = Self.schema(); s.compositeTypes = [$0]; return s }, mutations: [
            "name": { $0.name = "c2" },
            "attributes": { $0.attributes[1].type = "bigint" },
            "comment": { $0.comment = "y" },
        ])
    }

    @Test("functions")
    func functions() throws {
        let function = Function(
            "f", arguments: [.init("a", "integer")], returns: "integer", language: "sql", body: "SELECT a", comment: "x")
        try check("Function", function, embed: { var s = Self.schema(); s.functions = [$0]; return s }, mutations: [
            "name": { $0.name = "f2" },
            "kind": { $0.kind = .procedure; $0.returns = nil },
            "arguments": { $0.arguments = [.init("b", "integer")] },
            "returns": { $0.returns = "bigint" },
            "language": { $0.language = "plpgsql"; $0.body = "BEGIN RETURN a; END" },
            "body": { $0.body = "SELECT a + 1" },
            "volatility": { $0.volatility = .stable },
            "strict": { $0.strict = true },
            "securityDefiner": { $0.securityDefiner = true },
            "parallel": { $0.parallel = .safe },
            "leakproof": { $0.leakproof = true },
            "settings": { $0.settings = ["work_mem": "64MB"] },
            "comment": { $0.comment = "y" },
        ])
    }

    @Test("aggregates")
    func aggregates() throws {
        let aggregate = Aggregate("g", ["integer"], stateFunction: "int4pl", stateType: "integer", comment: "x")
        try check("Aggregate", aggregate, embed: { var s = Self.schema(); s.aggregates = [$0]; return s }, mutations: [
            "name": { $0.name = "g2" },
            "arguments": { $0.arguments = ["bigint"]; $0.stateFunction = "int8pl"; $0.stateType = "bigint" },
            "stateFunction": { $0.stateFunction = "int4larger" },
            "stateType": { $0.stateType = "bigint"; $0.stateFunction = "int48pl" },
            "finalFunction": { $0.finalFunction = "int4abs" },
            "initialCondition": { $0.initialCondition = "0" },
            "comment": { $0.comment = "y" },
        ])
    }

    @Test("triggers")
    func triggers() throws {
        let trigger = Trigger("tr", .after, [.update], function: "f", body: "SELECT 1;", comment: "x")
        try check("Trigger", trigger, embed: { var t = Self.base; t.triggers = [$0]; return Self.schema(t) }, mutations: [
            "name": { $0.name = "tr2" },
            "timing": { $0.timing = .before },
            "events": { $0.events = [.insert] },
            "updateOf": { $0.updateOf = ["n"] },
            "forEachRow": { $0.forEachRow = false },
            "when": { $0.when = "NEW.n > 0" },
            "function": { $0.function = "g" },
            "arguments": { $0.arguments = ["a"] },
            "body": { $0.body = "SELECT 2;" },
            "oldTable": { $0.oldTable = "o"; $0.forEachRow = false },
            "newTable": { $0.newTable = "n"; $0.forEachRow = false },
            "constraint": { $0.constraint = true },
            "deferrable": { $0.constraint = true; $0.deferrable = .initiallyDeferred },
            "firing": { $0.firing = .disabled },
            "comment": { $0.comment = "y" },
            "sql": { $0.sql = "CREATE TRIGGER tr AFTER UPDATE ON t BEGIN SELECT 3; END" },
        ])
    }

    @Test("materialized views")
    func materializedViews() throws {
        let view = MaterializedView("m", "SELECT n FROM t", indexes: [Index(["n"], name: "m_n")], comment: "x")
        try check("MaterializedView", view, embed: { var s = Self.schema(); s.materializedViews = [$0]; return s }, mutations: [
            "name": { $0.name = "m2" },
            "query": { $0.query = "SELECT m AS n FROM t" },
            "withData": { $0.withData = false },
            "indexes": { $0.indexes = [Index(["n"], unique: true, name: "m_n")] },
            "comment": { $0.comment = "y" },
        ])
    }

    @Test("views")
    func views() throws {
        let view = View("v", "SELECT n FROM t", comment: "x")
        try check("View", view, embed: { var s = Self.schema(); s.views = [$0]; return s }, mutations: [
            "name": { $0.name = "v2" },
            "query": { $0.query = "SELECT m FROM t" },
            "perDialect": { $0.perDialect = [.postgres: "SELECT m FROM t", .sqlite: "SELECT c FROM t"] },
            "columns": { $0.columns = ["k"] },
            "checkOption": { $0.checkOption = .local },
            "securityBarrier": { $0.securityBarrier = true },
            "securityInvoker": { $0.securityInvoker = true },
            "comment": { $0.comment = "y" },
        ])
    }
}
