/// Turns operations into PostgreSQL statements. Enum types are created before the first column
/// that uses them (unless an operation created them already) and dropped after the last one goes,
/// unless the schema lists them as objects of their own.
struct PostgresRenderer {
    static let q = SQLText.quote
    /// The schema before the next operation.
    var schema: Schema
    /// Enum types that exist, with their values.
    var enums: [String: [String]]

    init(schema: Schema) {
        self.schema = schema
        self.enums = schema.enumTypes(on: .postgres).merging(schema.enums.map { ($0.name, $0.values) }) { a, _ in a }
    }

    mutating func render(_ op: MigrationOperation) throws -> [Statement] {
        // A renamed enum keeps its identity: move the bookkeeping along so it is not re-created.
        switch op {
        case .renameEnumType(let from, let to):
            enums[to] = enums.removeValue(forKey: from)
        case .renameEnumValue(let type, let from, let to, _):
            enums[type] = enums[type]?.map { $0 == from ? to : $0 }
        case .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType:
            return try enumTypeObject(op)
        case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
            .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
            .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .createSequence,
            .dropSequence, .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute,
            .code, .createObject, .dropObject, .replaceObject, .recreateObject:
            break
        }
        // Only the table the operation changes can gain or lose a column of an enum type: the
        // rest of the schema is not searched again for every operation.
        let table = op.tableName
        let usedBefore = table.flatMap { schema.table($0) }.map(Self.enumTypes) ?? [:]
        var sql = try statements(for: op)  // from the schema before the operation
        try schema.apply(op)
        var before: [String] = []
        let usedAfter = table.flatMap { schema.table($0) }.map(Self.enumTypes) ?? [:]
        for (name, values) in usedAfter.sorted(by: { $0.key < $1.key }) {
            guard let existing = enums[name] else {
                before.append(Self.createEnumType(name, values))
                enums[name] = values
                continue
            }
            // Values a column's type gains are added; values it no longer lists stay in the type
            // until a `replaceEnumType` removes them (a downgrade reverts the columns first).
            var have = existing
            for (i, v) in values.enumerated() where !have.contains(v) {
                let next = values[(i + 1)...].first { have.contains($0) }
                before.append(Self.addValue(name, v, before: next, after: nil))
                if let next, let at = have.firstIndex(of: next) { have.insert(v, at: at) } else { have.append(v) }
            }
            enums[name] = have
        }
        sql = before.map { Statement($0) } + sql
        let unused = usedBefore.keys.filter { usedAfter[$0] == nil && enums[$0] != nil }
        if !unused.isEmpty {
            let inUse = schema.enumTypes(on: .postgres)
            for name in unused.sorted() where inUse[name] == nil && !schema.enums.contains(where: { $0.name == name }) {
                sql.append(Statement(Self.dropEnumType(name)))
                enums[name] = nil
            }
        }
        return sql
    }

    /// The enum types the table's columns use (those without a native PostgreSQL type), with their values.
    static func enumTypes(_ table: Table) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for c in table.columns {
            if case .enumeration(let name, let values) = c.type, found[name] == nil, c.nativeTypes[.postgres] == nil { found[name] = values }
        }
        return found
    }

    static func createEnumType(_ name: String, _ values: [String]) -> String {
        "CREATE TYPE \(q(name)) AS ENUM (\(values.map(SQLText.literal).joined(separator: ", ")))"
    }

    static func dropEnumType(_ name: String) -> String { "DROP TYPE \(q(name))" }

    /// An operation on an enum type as an object: nothing to do when the type (or value) is there
    /// already, which a type an earlier column brought along may be.
    mutating func enumTypeObject(_ op: MigrationOperation) throws -> [Statement] {
        let before = schema
        try schema.apply(op)
        switch op {
        case .replaceEnumType(let from, let to):
            guard enums[from.name] != nil else {
                enums[to.name] = to.values
                return [Statement(Self.createEnumType(to.name, to.values))]
            }
            enums[to.name] = to.values
            return try Self.replaceEnumType(from, to, in: before)
        case .createEnumType(let e):
            guard enums[e.name] == nil else { return [] }
            enums[e.name] = e.values
            return [Statement(Self.createEnumType(e.name, e.values))]
        case .dropEnumType(let e):
            // A type columns still use stays; it is only no longer listed (see `Planner.placeRevisionState`).
            if schema.enumTypes(on: .postgres)[e.name] != nil { return [] }
            enums[e.name] = nil
            return [Statement("DROP TYPE IF EXISTS \(Self.q(e.name))")]
        case .addEnumValue(let type, let value, let before, let after):
            guard enums[type]?.contains(value) != true else { return [] }
            enums[type] = schema.allEnumTypes[type]
            return [Statement(Self.addValue(type, value, before: before, after: after))]
        case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
            .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
            .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
            .renameEnumValue, .createSequence, .dropSequence, .alterSequence, .setIndexComment, .validateConstraint, .backfill,
            .batchedUpdate, .expect, .execute, .code, .createObject, .dropObject, .replaceObject, .recreateObject:
            return []
        }
    }

    /// A new type in place of an enum type (see `MigrationOperation.replaceEnumType`): checks that
    /// no row holds a value that goes, renames the old type aside, creates the new one, converts
    /// every column that uses it (through text; defaults set again, checks and indexes that use
    /// the column dropped before and added after, since they name the old type), drops the old.
    static func replaceEnumType(_ from: EnumType, _ to: EnumType, in schema: Schema) throws -> [Statement] {
        let name = to.name, type = q(name), array = "\(type)[]"
        let old = String(name.utf8.prefix(50)).map { $0 + "__retort_old" } ?? "retort_old"
        let removed = from.values.filter { !to.values.contains($0) }
        let removedList = removed.map(SQLText.literal).joined(separator: ", ")
        var checks: [Statement] = [], before: [String] = [], convert: [String] = [], after: [String] = []
        var viewsBefore: [String] = [], viewsAfter: [String] = []
        // The columns of each table that use the type.
        let usersOf = Dictionary(schema.tables.map { t in
            (t.name, t.columns.filter { c in
                if case .enumeration(name, _) = c.type, c.nativeTypes[.postgres] == nil { return true }
                return PostgresDialect.typeSQL(c) == array || PostgresDialect.typeSQL(c) == "\(name)[]"
            })
        }) { a, _ in a }
        // Foreign keys between columns of the type: their two ends would have different types
        // midway (one converted, the other not), so they go first and come back last.
        let converted = usersOf.mapValues { Set($0.map(\.name)) }
        var keysBefore: [String] = [], keysAfter: [String] = []
        for t in schema.tables {
            for fk in t.foreignKeys {
                guard let key = fk.name,
                    fk.columns.contains(where: { converted[t.name]?.contains($0) == true })
                        || fk.referencedColumns.contains(where: { converted[fk.referencedTable]?.contains($0) == true })
                else { continue }
                keysBefore.append("ALTER TABLE \(q(t.name)) DROP CONSTRAINT \(q(key))")
                keysAfter.append("ALTER TABLE \(q(t.name)) ADD \(constraintSQL(.foreignKey(fk)))")
            }
        }
        for t in schema.tables {
            let users = usersOf[t.name] ?? []
            guard !users.isEmpty else { continue }
            if let (column, what) = users.lazy.compactMap({ c in schema.dependents[ColumnReference(t.name, c.name)]?.first.map { (c.name, $0) } }).first {
                throw ReplayError(
                    description: "enum type '\(name)' cannot be rebuilt while \(what) uses \(t.name).\(column); drop it in a hand-written step first")
            }
            // Views that use the columns go before the conversion and come back after it.
            for c in users {
                let around = PostgresObjectSQL.aroundChange(of: ObjectID(.table, t.name), column: c.name, in: schema)
                viewsBefore += around.before.filter { !viewsBefore.contains($0) }
                viewsAfter += around.after.filter { !viewsAfter.contains($0) }
            }
            let table = q(t.name)
            let constraints = t.checks.filter { c in users.contains { Constraint.check(c).uses($0.name, in: t) } }
            let indexes = t.indexes.filter { i in users.contains { i.uses($0.name) } && (i.predicate != nil || i.keys.contains { $0.column == nil }) }
            before += constraints.compactMap { c in c.name.map { "ALTER TABLE \(table) DROP CONSTRAINT \(q($0))" } }
            before += indexes.compactMap { i in i.name.map { "DROP INDEX \(q($0))" } }
            for c in users {
                let isArray = PostgresDialect.typeSQL(c).hasSuffix("[]")
                let column = q(c.name)
                if !removed.isEmpty {
                    let holds = isArray ? "\(column)::text[] && ARRAY[\(removedList)]::text[]" : "\(column)::text IN (\(removedList))"
                    checks.append(
                        .check(
                            "SELECT count(*) FROM \(table) WHERE \(holds)",
                            failing: "cannot remove \(removed.map { "'\($0)'" }.joined(separator: ", ")) from enum type \(name): rows of \(t.name).\(c.name) hold it; move them to another value first",
                            rows: "hold a value that goes"))
                }
                var steps: [String] = []
                if c.defaultValue != nil { steps.append("ALTER COLUMN \(column) DROP DEFAULT") }
                steps.append("ALTER COLUMN \(column) TYPE \(isArray ? array : type) USING \(column)::text\(isArray ? "[]" : "")::\(isArray ? array : type)")
                if let d = c.defaultValue, !removed.contains(where: { d == .string($0) }) {
                    steps.append("ALTER COLUMN \(column) SET DEFAULT \(d.spelled(.postgres))")
                }
                convert.append("ALTER TABLE \(table) " + steps.joined(separator: ", "))
            }
            after += constraints.map { "ALTER TABLE \(table) ADD \(constraintSQL(.check($0)))" }
            after += indexes.flatMap { createIndex($0, on: t.name) }
        }
        let swap = viewsBefore + keysBefore + ["ALTER TYPE \(type) RENAME TO \(q(old))", createEnumType(name, to.values)] + before + convert
            + after + ["DROP TYPE \(q(old))"] + keysAfter + viewsAfter
        return checks + swap.map { Statement($0) }
    }

    static func addValue(_ type: String, _ value: String, before: String?, after: String?) -> String {
        var s = "ALTER TYPE \(q(type)) ADD VALUE IF NOT EXISTS \(SQLText.literal(value))"
        if let before { s += " BEFORE \(SQLText.literal(before))" } else if let after { s += " AFTER \(SQLText.literal(after))" }
        return s
    }

    func statements(for op: MigrationOperation) throws -> [Statement] {
        if case .alterColumn(let t, let from, let to) = op {
            let change: [Statement]
            if let g = to.generated, from.generated != g { change = try regenerate(t, to) } else { change = Self.alterColumn(t, from, to) }
            // A type, collation or generation change is refused while views use the column: they
            // are dropped before and created again after, as the catalog had them.
            guard PostgresDialect.typeSQL(from) != PostgresDialect.typeSQL(to) || from.collations[.postgres] != to.collations[.postgres]
                || from.generated != to.generated
            else { return change }
            let around = PostgresObjectSQL.aroundChange(of: ObjectID(.table, t), column: from.name, in: schema)
            // PostgreSQL refuses a type change of a column a generated column reads: those go
            // before it and are added again after (their values are computed again, from the rows).
            let readers = (schema.table(t)?.columns ?? []).filter { c in
                c.name != from.name && c.generated.map { SQLText.mentions($0.expression, from.name) } == true
            }
            guard !readers.isEmpty, PostgresDialect.typeSQL(from) != PostgresDialect.typeSQL(to) || from.collations[.postgres] != to.collations[.postgres]
            else { return around.before.map { Statement($0) } + change + around.after.map { Statement($0) } }
            var before = around.before, after: [Statement] = []
            for g in readers {
                let users = PostgresObjectSQL.aroundChange(of: ObjectID(.table, t), column: g.name, in: schema)
                before += users.before.filter { !before.contains($0) }
                before.append("ALTER TABLE \(Self.q(t)) DROP COLUMN \(Self.q(g.name))")
                after += try regenerate(t, g).dropFirst()
                after += users.after.filter { a in !around.after.contains(a) }.map { Statement($0) }
            }
            return before.map { Statement($0) } + change + after + around.after.map { Statement($0) }
        }
        if case .recreateObject(let from, let to) = op {
            let around = PostgresObjectSQL.aroundChange(of: from.id, in: schema)
            var kept: [String] = []
            if var facts = schema.catalog.objects[from.id] {
                facts.object = to
                kept = PostgresObjectSQL.restore(facts, reader: schema.catalog.reader)
            }
            let exists = schema.object(from.id) != nil || schema.catalog.objects[from.id] != nil
            var sql: [String] = around.before
            if exists { sql += PostgresObjectSQL.drop(from) }
            sql += PostgresObjectSQL.create(to)
            sql += kept
            sql += around.after
            return sql.map { Statement($0) }
        }
        if case .expect(let e) = op { return [e.statement] }
        return try sql(for: op).map { Statement($0) }
    }

    /// `ALTER SEQUENCE … OWNED BY` for the sequences owned by columns of `table` (named: all).
    func ownedSequences(of table: String, columns: [String]? = nil) -> [String] {
        schema.sequences.compactMap { s in
            guard let o = s.ownedBy, o.table == table, columns?.contains(o.column) ?? true else { return nil }
            return "ALTER SEQUENCE \(Self.q(s.name)) OWNED BY \(Self.q(o.table)).\(Self.q(o.column))"
        }
    }

    func sql(for op: MigrationOperation) throws -> [String] {
        let q = Self.q
        switch op {
        case .createTable(let t):
            var sql = [Self.createTable(t)] + Self.notValidConstraints(t).map { "ALTER TABLE \(q(t.name)) ADD \(Self.constraintSQL($0))" }
            sql += t.indexes.flatMap { Self.createIndex($0, on: t.name) }
            sql += PostgresPartitionSQL.createPartitions(of: t)
            if let c = t.comment { sql.append("COMMENT ON TABLE \(q(t.name)) IS \(SQLText.literal(c))") }
            for c in t.columns where c.comment != nil { sql.append(Self.columnComment(t.name, c)) }
            sql += t.triggers.flatMap { PostgresTriggerSQL.create(t.name, $0) }
            sql += t.exclusionConstraints.flatMap { PostgresObjectSQL.create(.exclusion(table: t.name, $0)) }
            sql += PostgresPolicySQL.rowLevelSecurity(t.name, from: nil, to: t.rowLevelSecurity)
            sql += t.policies.flatMap { PostgresPolicySQL.create(t.name, $0) }
            return sql + ownedSequences(of: t.name)
        case .dropTable(let t):
            return ["DROP TABLE \(q(t.name))"]
        case .addColumn(let t, let c):
            return ["ALTER TABLE \(q(t)) ADD COLUMN \(Self.columnSQL(c))"] + (c.comment != nil ? [Self.columnComment(t, c)] : [])
                + ownedSequences(of: t, columns: [c.name])
        case .dropColumn(let t, let c):
            return ["ALTER TABLE \(q(t)) DROP COLUMN \(q(c.name))"]
        case .alterColumn:
            return []  // statements(for:) renders it, with its checks
        case .createIndex(let t, let i):
            return Self.createIndex(i, on: t)
        case .createIndexConcurrently(let t, let i):
            return Self.createIndex(i, on: t, concurrently: true)
        case .dropIndexConcurrently(_, let i):
            return ["DROP INDEX CONCURRENTLY IF EXISTS \(q(i.name ?? ""))"]
        case .dropIndex(_, let i):
            return ["DROP INDEX \(q(i.name ?? ""))"]
        case .addConstraint(let t, let c):
            // A unique key or primary key whose index was built already (concurrently) takes it over.
            if let name = c.name, let index = schema.table(t)?.indexKeptBy(c) {
                let kind = if case .primaryKey = c { "PRIMARY KEY" } else { "UNIQUE" }
                var deferrable: Deferrable?
                switch c {
                case .unique(let u): deferrable = u.deferrable
                case .primaryKey(let pk): deferrable = pk.deferrable
                case .foreignKey, .check: break
                }
                return ["ALTER TABLE \(q(t)) ADD CONSTRAINT \(q(name)) \(kind) USING INDEX \(q(index.name ?? ""))\(deferrable.map { " " + $0.sql } ?? "")"]
            }
            return ["ALTER TABLE \(q(t)) ADD \(Self.constraintSQL(c))"]
        case .dropConstraint(let t, let c):
            guard let name = c.name else { throw ReplayError(description: "cannot drop an unnamed \(c.kind) on '\(t)'") }
            return ["ALTER TABLE \(q(t)) DROP CONSTRAINT \(q(name))"]
        case .setTableComment(let t, _, let to):
            return ["COMMENT ON TABLE \(q(t)) IS \(to.map(SQLText.literal) ?? "NULL")"]
        case .setRowLevelSecurity(let t, let from, let to):
            return PostgresPolicySQL.rowLevelSecurity(t, from: from, to: to)
        case .renameTable(let from, let to):
            // A serial's sequence is named after its table and column, and PostgreSQL leaves the
            // name as it was: it follows, so the column still reads as `serial` afterwards.
            let serials = schema.table(from)?.columns.filter { $0.autoincrementKind == .serial } ?? []
            return ["ALTER TABLE \(q(from)) RENAME TO \(q(to))"]
                + serials.map { Self.renameSerialSequence(from: "\(from)_\($0.name)_seq", to: "\(to)_\($0.name)_seq") }
        case .renameColumn(let t, let from, let to):
            let serial = schema.table(t)?.column(from)?.autoincrementKind == .serial
            return ["ALTER TABLE \(q(t)) RENAME COLUMN \(q(from)) TO \(q(to))"]
                + (serial ? [Self.renameSerialSequence(from: "\(t)_\(from)_seq", to: "\(t)_\(to)_seq")] : [])
        case .renameIndex(_, let from, let to):
            return ["ALTER INDEX \(q(from)) RENAME TO \(q(to))"]
        case .renameConstraint(let t, let from, let to):
            return ["ALTER TABLE \(q(t)) RENAME CONSTRAINT \(q(from)) TO \(q(to))"]
        case .renameEnumType(let from, let to):
            return ["ALTER TYPE \(q(from)) RENAME TO \(q(to))"]
        case .renameEnumValue(let type, let from, let to, _):
            return ["ALTER TYPE \(q(type)) RENAME VALUE \(SQLText.literal(from)) TO \(SQLText.literal(to))"]
        case .createSequence(let s):
            var sql = "CREATE SEQUENCE \(q(s.name)) " + Self.sequenceOptions(s)
            if let o = s.ownedBy, schema.table(o.table)?.column(o.column) != nil { sql += " OWNED BY \(q(o.table)).\(q(o.column))" }
            return [sql]
        case .dropSequence(let s):
            return ["DROP SEQUENCE IF EXISTS \(q(s.name))"]
        case .alterSequence(let from, let to):
            var sql = "ALTER SEQUENCE \(q(from.name)) " + Self.sequenceOptions(to)
            if from.ownedBy != to.ownedBy { sql += " OWNED BY " + (to.ownedBy.map { "\(q($0.table)).\(q($0.column))" } ?? "NONE") }
            return [sql]
        case .setIndexComment(_, let i, _, let to):
            return ["COMMENT ON INDEX \(q(i)) IS \(to.map(SQLText.literal) ?? "NULL")"]
        case .validateConstraint(let t, let name):
            return ["ALTER TABLE \(q(t)) VALIDATE CONSTRAINT \(q(name))"]
        case .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .expect, .setSQLiteTableOptions:
            return []  // render(_:) and statements(for:) write them
        case .batchedUpdate(let u):
            return ["UPDATE \(q(u.table)) SET \(u.assignmentsSQL)\(u.condition.map { " WHERE \($0)" } ?? "")"]
        case .backfill(let t, let c, let v):
            // The rows' deferred foreign-key checks run now: with checks pending, PostgreSQL refuses
            // the ALTER TABLE that usually follows in the same revision.
            return ["UPDATE \(q(t)) SET \(q(c)) = \(v.spelled(.postgres)) WHERE \(q(c)) IS NULL", "SET CONSTRAINTS ALL IMMEDIATE"]
        case .execute(let raw):
            return raw.text(for: .postgres).map { [$0] } ?? []
        case .code:
            return []
        case .createObject(let o):
            // Created again after a drop in the same revision: with the grants and owner it had.
            guard var facts = schema.catalog.dropped[o.id] else { return PostgresObjectSQL.create(o) }
            facts.object = o
            return PostgresObjectSQL.create(o) + PostgresObjectSQL.restore(facts, reader: schema.catalog.reader)
        case .dropObject(let o):
            return PostgresObjectSQL.drop(o)
        case .replaceObject(let from, let to):
            return PostgresObjectSQL.create(to, orReplace: from)
        case .recreateObject:
            return []  // statements(for:) renders it, with what depends on it
        }
    }

    /// Renames a serial's sequence after its column or table was renamed.
    static func renameSerialSequence(from: String, to: String) -> String {
        "ALTER SEQUENCE IF EXISTS \(SQLText.quote(from)) RENAME TO \(SQLText.quote(to))"
    }

    static func sequenceOptions(_ s: DatabaseSequence) -> String {
        "AS \(PostgresDialect.typeSQL(Column("", s.type))) INCREMENT BY \(s.increment) MINVALUE \(s.minValue) MAXVALUE \(s.maxValue) "
            + "START WITH \(s.start) CACHE \(s.cache) \(s.cycle ? "CYCLE" : "NO CYCLE")"
    }

    /// The kind of autoincrement a column gets when created: an identity by default unless named.
    static func kind(_ c: Column) -> AutoincrementKind? {
        c.autoincrement ? c.autoincrementKind ?? .identity(.byDefault) : nil
    }

    /// `GENERATED … AS IDENTITY`, with the sequence options the kind sets.
    static func identitySQL(_ kind: AutoincrementKind) -> String {
        guard case .identity(let k, let start, let increment, let minValue, let maxValue, let cache, let cycle) = kind else { return "" }
        var s = "GENERATED \(k == .always ? "ALWAYS" : "BY DEFAULT") AS IDENTITY"
        let options = [
            start.map { "START WITH \($0)" }, increment.map { "INCREMENT BY \($0)" }, minValue.map { "MINVALUE \($0)" },
            maxValue.map { "MAXVALUE \($0)" }, cache.map { "CACHE \($0)" }, cycle.map { $0 ? "CYCLE" : "NO CYCLE" },
        ].compactMap { $0 }
        if !options.isEmpty { s += " (\(options.joined(separator: " ")))" }
        return s
    }

    /// The `SET …` clauses that take an identity's sequence from one set of options to another,
    /// in one statement: PostgreSQL checks the start and the current value against the bounds
    /// only once all are set, so the order of the clauses cannot make it refuse. When a bound
    /// moves, the start is restated (its default follows the minimum), and a sequence whose next
    /// value would fall outside the new bounds (never used, or below a raised minimum) restarts at
    /// the new start inside a `DO` block; one that has already passed a lowered maximum is
    /// refused by PostgreSQL.
    static func alterIdentity(
        _ prefix: String, sequence sequenceOf: String, from: DatabaseSequence, to: DatabaseSequence, kind: IdentityKind?
    ) -> [Statement] {
        let boundsMove = from.minValue != to.minValue || from.maxValue != to.maxValue
        var clauses: [String] = []
        if let kind { clauses.append("SET GENERATED \(kind == .always ? "ALWAYS" : "BY DEFAULT")") }
        if from.increment != to.increment { clauses.append("SET INCREMENT BY \(to.increment)") }
        if from.minValue != to.minValue { clauses.append("SET MINVALUE \(to.minValue)") }
        if from.maxValue != to.maxValue { clauses.append("SET MAXVALUE \(to.maxValue)") }
        if from.start != to.start || boundsMove { clauses.append("SET START WITH \(to.start)") }
        if from.cache != to.cache { clauses.append("SET CACHE \(to.cache)") }
        if from.cycle != to.cycle { clauses.append(to.cycle ? "SET CYCLE" : "SET NO CYCLE") }
        guard !clauses.isEmpty else { return [] }
        let alter = "\(prefix) " + clauses.joined(separator: " ")
        guard boundsMove else { return [Statement(alter)] }
        let outside = to.increment > 0 ? "n < \(to.minValue)" : "n > \(to.maxValue)"
        let body = "DECLARE n bigint := pg_sequence_last_value(\(sequenceOf)); BEGIN EXECUTE \(SQLText.literal(alter))"
            + " || CASE WHEN n IS NULL OR \(outside) THEN ' RESTART WITH \(to.start)' ELSE '' END; END"
        return [Statement("DO \(SQLText.literal(body))")]
    }

    static func columnSQL(_ c: Column) -> String {
        var type = PostgresDialect.typeSQL(c)
        switch kind(c) {
        case .serial?:
            type = c.type == .bigint ? "bigserial" : c.type == .smallint ? "smallserial" : "serial"
        case let identity?:
            type += " " + identitySQL(identity)
        case nil:
            break
        }
        var s = "\(q(c.name)) \(type)\(collate(c))"
        if !c.nullable { s += " NOT NULL" }
        if let g = c.generated { return s + " " + g.sql(stored: true) }
        if let d = c.defaultValue, !c.autoincrement { s += " DEFAULT \(d.spelled(.postgres))" }
        return s
    }

    /// ` COLLATE "name"` for a column with a PostgreSQL collation.
    static func collate(_ c: Column) -> String { c.collations[.postgres].map { " COLLATE \(q($0))" } ?? "" }

    static func columnComment(_ table: String, _ c: Column) -> String {
        "COMMENT ON COLUMN \(q(table)).\(q(c.name)) IS \(c.comment.map(SQLText.literal) ?? "NULL")"
    }

    static func constraintSQL(_ c: Constraint) -> String {
        let name = c.name.map { "CONSTRAINT \(q($0)) " } ?? ""
        func deferrable(_ d: Deferrable?) -> String { d.map { " " + $0.sql } ?? "" }
        switch c {
        case .primaryKey(let pk): return "\(name)PRIMARY KEY (\(SQLText.quoteList(pk.columns)))\(deferrable(pk.deferrable))"
        case .unique(let u):
            return "\(name)UNIQUE\(u.nullsNotDistinct ? " NULLS NOT DISTINCT" : "") (\(SQLText.quoteList(u.columns)))\(deferrable(u.deferrable))"
        case .check(let ck): return "\(name)CHECK (\(ck.expression))\(ck.noInherit ? " NO INHERIT" : "")\(ck.notValid ? " NOT VALID" : "")"
        case .foreignKey(let fk):
            var s = "\(name)FOREIGN KEY (\(SQLText.quoteList(fk.columns))) REFERENCES \(q(fk.referencedTable)) (\(SQLText.quoteList(fk.referencedColumns)))"
            if fk.matchFull { s += " MATCH FULL" }
            if fk.onDelete != .noAction { s += " ON DELETE \(fk.onDelete.rawValue)" }
            if fk.onUpdate != .noAction { s += " ON UPDATE \(fk.onUpdate.rawValue)" }
            return s + deferrable(fk.deferrable) + (fk.notValid ? " NOT VALID" : "")
        }
    }

    /// Constraints added `NOT VALID`, which CREATE TABLE cannot hold: added right after it.
    static func notValidConstraints(_ t: Table) -> [Constraint] {
        t.constraints.filter {
            switch $0 {
            case .check(let c): return c.notValid
            case .foreignKey(let fk): return fk.notValid
            case .primaryKey, .unique: return false
            }
        }
    }

    static func createTable(_ t: Table) -> String {
        let later = notValidConstraints(t)
        let items = t.columns.map(columnSQL) + t.constraints.filter { !later.contains($0) }.map(constraintSQL)
        let partitioning = t.partitioning.map { " " + $0.sql } ?? ""
        guard !items.isEmpty else { return "CREATE TABLE \(q(t.name)) ()" + partitioning }
        return "CREATE TABLE \(q(t.name)) (\n    " + items.joined(separator: ",\n    ") + "\n)" + partitioning
    }

    static func createIndex(_ index: Index, on table: String, concurrently: Bool = false) -> [String] {
        var s = "CREATE \(index.unique ? "UNIQUE " : "")INDEX \(concurrently ? "CONCURRENTLY " : "")\(q(index.name ?? "")) ON \(q(table))"
        if let m = index.method { s += " USING \(q(m))" }
        s += " (" + index.keys.enumerated().map { SQLText.indexKey($1) + index.options(at: $0).sql(postgres: true) }.joined(separator: ", ") + ")"
        if !index.include.isEmpty { s += " INCLUDE (\(SQLText.quoteList(index.include)))" }
        if index.nullsNotDistinct { s += " NULLS NOT DISTINCT" }
        if !index.storage.isEmpty {
            s += " WITH (" + index.storage.sorted { $0.key < $1.key }.map { "\(q($0.key)) = \(SQLText.literal($0.value))" }.joined(separator: ", ") + ")"
        }
        if let p = index.predicate { s += " WHERE \(p)" }
        var sql = [s]
        if let c = index.comment { sql.append("COMMENT ON INDEX \(q(index.name ?? "")) IS \(SQLText.literal(c))") }
        return sql
    }

    /// A column that becomes generated, or is generated from another expression: PostgreSQL (before
    /// 17) cannot change a column's generation in place, so it is dropped and added again (its
    /// values are computed anew). Dropping it drops the indexes and constraints that use it: those
    /// the table has at this point are created again after it.
    func regenerate(_ table: String, _ column: Column) throws -> [Statement] {
        guard let t = schema.table(table) else { throw ReplayError(description: "table '\(table)' does not exist") }
        let constraints = t.constraints.filter { $0.uses(column.name, in: t) }
        let indexes = t.indexes.filter { $0.uses(column.name) }
        var sql = ["ALTER TABLE \(Self.q(table)) DROP COLUMN \(Self.q(column.name))", "ALTER TABLE \(Self.q(table)) ADD COLUMN \(Self.columnSQL(column))"]
        sql += constraints.map { "ALTER TABLE \(Self.q(table)) ADD \(Self.constraintSQL($0))" }
        sql += indexes.flatMap { Self.createIndex($0, on: table) }
        if column.comment != nil { sql.append(Self.columnComment(table, column)) }
        return sql.map { Statement($0) }
    }

    /// Default dropped first (it may not cast), then type, default, nullability, identity, comment.
    /// A type change that could alter a value is preceded by a check that every existing value
    /// survives the conversion; rows with NULL are never filled in silently (see `.backfill`).
    static func alterColumn(_ table: String, _ from: Column, _ to: Column) -> [Statement] {
        let prefix = "ALTER TABLE \(q(table)) ALTER COLUMN \(q(to.name))"
        var sql: [Statement] = []
        let fromType = PostgresDialect.typeSQL(from), toType = PostgresDialect.typeSQL(to)
        let fromParsed = PostgresDialect.parseType(fromType), toParsed = PostgresDialect.parseType(toType)
        let typeChanges = fromType != toType && fromParsed != toParsed
        let collationChanges = from.collations[.postgres] != to.collations[.postgres]
        let fromDefault = from.autoincrement ? nil : from.defaultValue, toDefault = to.autoincrement ? nil : to.defaultValue
        let defaultChanges = fromDefault != toDefault || typeChanges
        // A model that says only "autoincrement" keeps whichever kind the database has.
        let fromKind = kind(from), toKind = to.autoincrement && from.autoincrement && to.autoincrementKind == nil ? fromKind : kind(to)
        let sequenceOf = "pg_get_serial_sequence(\(SQLText.literal(q(table))), \(SQLText.literal(to.name)))"
        switch (fromKind, toKind) {
        case (.identity?, .identity?), (.serial?, .serial?), (nil, nil): break
        case (.identity?, _): sql.append(Statement("\(prefix) DROP IDENTITY IF EXISTS"))
        case (.serial?, _):
            // The owned sequence goes with the default that uses it.
            sql.append(Statement("\(prefix) DROP DEFAULT"))
            sql.append(Statement("DO \(SQLText.literal("BEGIN EXECUTE 'DROP SEQUENCE ' || \(sequenceOf); END"))"))
        default: break
        }
        // A generated column that becomes a plain one keeps its values.
        if from.generated != nil, to.generated == nil { sql.append(Statement("\(prefix) DROP EXPRESSION")) }
        if defaultChanges, fromDefault != nil { sql.append(Statement("\(prefix) DROP DEFAULT")) }
        if typeChanges {
            let column = q(from.name)
            let conversion = Self.conversion(column, from: fromParsed, fromSQL: fromType, to: toParsed, toSQL: toType)
            if !conversion.exact && !fromParsed.convertsLosslessly(to: toParsed) {
                var back = Self.conversion("(\(conversion.sql))", from: toParsed, fromSQL: toType, to: fromParsed, toSQL: fromType).sql
                var original = column
                // Types without an equality operator compare by their text.
                if Self.withoutEquality.contains(fromType) { (back, original) = ("(\(back))::text", "\(column)::text") }
                sql.append(
                    .check(
                        "SELECT count(*) FROM \(q(table)) WHERE \(column) IS NOT NULL AND \(back) IS DISTINCT FROM \(original)",
                        failing: "cannot change \(table).\(from.name) from \(from.type.displayName) to \(to.type.displayName) without changing data; convert the values in a hand-written step first"))
            }
            sql.append(Statement("\(prefix) TYPE \(toType)\(collate(to)) USING \(conversion.sql)"))
        } else if collationChanges {
            // The same type in another collation: the values stay, the indexes on it are rebuilt.
            sql.append(Statement("\(prefix) TYPE \(toType) COLLATE \(q(to.collations[.postgres] ?? "default"))"))
        }
        if defaultChanges, let d = toDefault { sql.append(Statement("\(prefix) SET DEFAULT \(d.spelled(.postgres))")) }
        if from.nullable != to.nullable { sql.append(Statement("\(prefix) \(to.nullable ? "DROP" : "SET") NOT NULL")) }
        let restart = Statement(
            "SELECT setval(\(sequenceOf), coalesce(max(\(q(to.name))), 0) + 1, false) FROM \(q(table))")
        switch (fromKind, toKind) {
        case (let f?, let t?) where f.identityKind != nil && t.identityKind != nil:
            // Options nil on either side are the defaults for the new type: PostgreSQL moves an identity's
            // sequence to the column's new type, and its bounds with it where they were the type's.
            if let a = f.identitySequence(columnType: to.type), let b = t.identitySequence(columnType: to.type) {
                let kind = f.identityKind == t.identityKind ? nil : t.identityKind
                sql += alterIdentity(prefix, sequence: sequenceOf, from: a, to: b, kind: kind)
            }
        case (_, let identity?) where identity.identityKind != nil:
            sql.append(Statement("\(prefix) ADD " + identitySQL(identity)))
            if let s = identity.identitySequence(columnType: to.type), fromKind != nil || !identity.setsStart {
                // The sequence continues past the values the column holds, in its direction.
                let (edge, pick) = s.increment > 0 ? ("max", "greatest") : ("min", "least")
                sql.append(
                    Statement(
                        "SELECT setval(\(sequenceOf), \(pick)(\(s.start), coalesce(\(edge)(\(q(to.name))) + \(s.increment), \(s.start))), false) FROM \(q(table))"
                    ))
            }
        case (let f, .serial?) where f != .serial:
            let sequence = q(String("\(table)_\(to.name)_seq".utf8.prefix(63)) ?? "")
            let type = PostgresDialect.typeSQL(Column("", IdentitySequenceType.of(to.type)))
            sql.append(Statement("CREATE SEQUENCE \(sequence) AS \(type) OWNED BY \(q(table)).\(q(to.name))"))
            sql.append(Statement("\(prefix) SET DEFAULT nextval(\(SQLText.literal(sequence))::regclass)"))
            sql.append(restart)
        case (.serial?, .serial?) where IdentitySequenceType.of(from.type) != IdentitySequenceType.of(to.type):
            // serial, bigserial and smallserial differ in their sequence's type (and its bounds,
            // which PostgreSQL moves with the type when they were the old type's).
            let type = PostgresDialect.typeSQL(Column("", IdentitySequenceType.of(to.type)))
            sql.append(Statement("DO \(SQLText.literal("BEGIN EXECUTE 'ALTER SEQUENCE ' || \(sequenceOf) || ' AS \(type)'; END"))"))
        default: break
        }
        if from.comment != to.comment { sql.append(Statement(columnComment(table, to))) }
        return sql
    }

    /// Built-in types PostgreSQL has no `=` for.
    static let withoutEquality: Set<String> = ["json", "xml", "point", "line", "lseg", "box", "path", "polygon", "circle"]

    /// The expression that converts `value` from one type to another; `exact` when it cannot change
    /// a value. Zoned and plain timestamps convert through UTC, never the session's time zone.
    static func conversion(_ value: String, from: ColumnType, fromSQL: String, to: ColumnType, toSQL: String)
        -> (sql: String, exact: Bool)
    {
        switch (from, to) {
        case (.timestamp(let a), .timestamp(let b)) where a != b:
            return ("\(value) AT TIME ZONE 'UTC'", true)
        case (.enumeration, _), (_, .enumeration):
            return ("\(value)::text::\(toSQL)", false)
        default:
            return ("\(value)::\(toSQL)", false)
        }
    }
}
