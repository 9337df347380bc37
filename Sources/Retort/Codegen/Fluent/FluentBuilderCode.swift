/// Swift code for Fluent's schema builder: which operations (or which part of one) it expresses on
/// both SQLite and PostgreSQL exactly as Retort's renderers would write them, and the code.
///
/// The builder is used only where the schema it makes is the one `check` expects on both dialects:
/// column types whose Fluent spelling both drivers turn into the same type Retort writes (`.int32`
/// is INTEGER on both; `.int64` would be INTEGER on SQLite, so BIGINT is spelled out), literal
/// defaults through SQLKit's literals, constraints with Retort's names. Everything else stays with
/// the dialects' renderers (see `FluentSteps`).
enum FluentBuilderCode {
    /// What the builder does for an operation: the operation it carries out (`applied`), its steps
    /// (the builder's code, with the enum types it needs created or dropped around it), and the
    /// operations left for per-dialect SQL, to run after them.
    struct Split {
        var applied: MigrationOperation
        var steps: [FluentStep]
        var rest: [MigrationOperation]

        init(applied: MigrationOperation, code: String, rest: [MigrationOperation]) {
            self.init(applied: applied, steps: [.builder(code)], rest: rest)
        }

        init(applied: MigrationOperation, steps: [FluentStep], rest: [MigrationOperation]) {
            self.applied = applied
            self.steps = steps
            self.rest = rest
        }
    }

    static func split(_ op: MigrationOperation, in schema: Schema) -> Split? {
        let s = SwiftLiteral.string
        switch op {
        case .createTable(let t):
            // An enum type the table brings along is created first (PostgreSQL; text on SQLite),
            // as the renderer would; one that exists with other values is the renderer's to change.
            let existing = PostgresRenderer(schema: schema).enums
            var created: [String: [String]] = [:]
            for case .enumeration(let name, let values) in t.columns.filter(usesEnumType).map(\.type) {
                if let have = existing[name] {
                    guard have == values else { return nil }
                } else {
                    created[name] = values
                }
            }
            guard var split = createTable(t) else { return nil }
            if !created.isEmpty {
                let types = created.sorted { $0.key < $1.key }.map { Statement(PostgresRenderer.createEnumType($0.key, $0.value)) }
                split.steps.insert(.sql(sqlite: [], postgres: types), at: 0)
            }
            return split
        case .dropTable(let t):
            // An enum type goes with its last column on PostgreSQL, unless the schema keeps it.
            var after = schema
            guard (try? after.apply(op)) != nil else { return nil }
            let left = PostgresRenderer(schema: after).enums
            var dropped: Set<String> = []
            for case .enumeration(let name, _) in t.columns.filter(usesEnumType).map(\.type) where left[name] == nil {
                dropped.insert(name)
            }
            var steps: [FluentStep] = [.builder("try await db.schema(\(s(t.name))).delete()")]
            if !dropped.isEmpty { steps.append(.sql(sqlite: [], postgres: dropped.sorted().map { Statement(PostgresRenderer.dropEnumType($0)) })) }
            return Split(applied: op, steps: steps, rest: [])
        case .addColumn(let table, let column):
            guard !column.autoincrement, !usesEnumType(column), !SQLiteRenderer(schema: schema).needsRebuild(op),
                let field = field(column, inPrimaryKey: false)
            else { return nil }
            var bare = column
            bare.comment = nil
            return Split(
                applied: .addColumn(table: table, column: bare),
                code: "try await db.schema(\(s(table)))\n    \(field)\n    .update()",
                rest: column.comment == nil ? [] : [.alterColumn(table: table, from: bare, to: column)])
        case .dropColumn(let table, let column):
            guard !usesEnumType(column), !SQLiteRenderer(schema: schema).needsRebuild(op) else { return nil }
            return Split(applied: op, code: "try await db.schema(\(s(table)))\n    .deleteField(\(s(column.name)))\n    .update()", rest: [])
        case .alterColumn, .createIndex, .dropIndex, .createIndexConcurrently, .dropIndexConcurrently, .addConstraint,
            .dropConstraint, .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex,
            .renameConstraint, .renameEnumType, .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue,
            .replaceEnumType, .createSequence, .dropSequence, .alterSequence, .setIndexComment, .validateConstraint, .backfill,
            .batchedUpdate, .expect, .execute, .code, .createObject, .dropObject, .replaceObject, .recreateObject:
            return nil
        }
    }

    /// A new table: the builder creates its columns, primary key, checks and the unique constraints
    /// and foreign keys it can name; comments, indexes and constraints with options it has no words
    /// for (deferrable, MATCH FULL, NULLS NOT DISTINCT, NOT VALID) follow as operations.
    private static func createTable(_ t: Table) -> Split? {
        let s = SwiftLiteral.string
        // Triggers, partitions and row-level security have no builder words: such a table is SQL per dialect.
        guard t.triggers.isEmpty, t.partitioning == nil, t.rowLevelSecurity == nil, t.policies.isEmpty, t.exclusionConstraints.isEmpty, t.primaryKey?.deferrable == nil
        else { return nil }
        let key = t.primaryKey?.columns ?? []
        var lines: [String] = []
        for column in t.columns {
            if column.autoincrement {
                guard key == [column.name], column.type.isInteger, identityByDefault(column), let type = dataType(column) else { return nil }
                lines.append(".retortAutoincrementKey(\(s(column.name)), \(type), name: \(SwiftLiteral.optional(t.primaryKey?.name)), on: dialect)")
                continue
            }
            guard let field = field(column, inPrimaryKey: key.contains(column.name)) else { return nil }
            lines.append(field)
        }
        if let pk = t.primaryKey, !t.columns.contains(where: \.autoincrement) {
            lines.append(".retortPrimaryKey(\(pk.columns.map(s).joined(separator: ", ")), name: \(SwiftLiteral.optional(pk.name)))")
        }
        var bare = Table(name: t.name, columns: t.columns.map { var c = $0; c.comment = nil; return c }, primaryKey: t.primaryKey)
        var rest: [MigrationOperation] = []
        for u in t.uniqueConstraints {
            guard u.deferrable == nil, !u.nullsNotDistinct, let name = u.name else {
                rest.append(.addConstraint(table: t.name, constraint: .unique(u)))
                continue
            }
            bare.uniqueConstraints.append(u)
            lines.append(".unique(on: \(u.columns.map(s).joined(separator: ", ")), name: \(s(name)))")
        }
        for fk in t.foreignKeys {
            guard fk.deferrable == nil, !fk.matchFull, !fk.notValid, let name = fk.name else {
                rest.append(.addConstraint(table: t.name, constraint: .foreignKey(fk)))
                continue
            }
            bare.foreignKeys.append(fk)
            lines.append(
                ".foreignKey(\(SwiftLiteral.strings(fk.columns)), references: \(s(fk.referencedTable)), \(SwiftLiteral.strings(fk.referencedColumns)), "
                    + "onDelete: \(action(fk.onDelete)), onUpdate: \(action(fk.onUpdate)), name: \(s(name)))")
        }
        for c in t.checks {
            guard !c.noInherit, !c.notValid, let name = c.name else {
                rest.append(.addConstraint(table: t.name, constraint: .check(c)))
                continue
            }
            bare.checks.append(c)
            lines.append(".retortCheck(\(s(c.expression)), name: \(s(name)))")
        }
        if t.comment != nil { rest.append(.setTableComment(table: t.name, from: nil, to: t.comment)) }
        for (bareColumn, column) in zip(bare.columns, t.columns) where column.comment != nil {
            rest.append(.alterColumn(table: t.name, from: bareColumn, to: column))
        }
        rest += t.indexes.map { .createIndex(table: t.name, index: $0) }
        let code = (["try await db.schema(\(s(t.name)))"] + lines.map { "    " + $0 } + ["    .create()"]).joined(separator: "\n")
        return Split(applied: .createTable(bare), code: code, rest: rest)
    }

    /// `.field(…)` for a column, or nil when the builder cannot write it as Retort would.
    static func field(_ c: Column, inPrimaryKey: Bool) -> String? {
        // Generated columns and collations: the renderers' SQL.
        guard c.generated == nil, c.collations.isEmpty, let type = dataType(c) else { return nil }
        var parts = [SwiftLiteral.string(c.name), type]
        if !c.nullable || inPrimaryKey { parts.append(".required") }
        if let d = c.defaultValue {
            guard let value = defaultValue(d) else { return nil }
            parts.append(".sql(.default(\(value)))")
        }
        return ".field(\(parts.joined(separator: ", ")))"
    }

    /// The Fluent data type both drivers turn into the type Retort writes; nil for native and
    /// per-dialect types.
    static func dataType(_ c: Column) -> String? {
        func raw(_ sql: String) -> String { ".sql(unsafeRaw: \(SwiftLiteral.string(sql)))" }
        if case .enumeration(let name, _) = c.type, c.nativeTypes.isEmpty {
            return ".retortEnum(\(SwiftLiteral.string(name)), on: dialect)"  // the type on PostgreSQL, TEXT on SQLite
        }
        guard c.nativeTypes.isEmpty else { return nil }
        switch c.type {
        case .smallint: return raw("SMALLINT")
        case .integer: return ".int32"  // INT on PostgreSQL, INTEGER on SQLite
        case .bigint: return raw("BIGINT")  // Fluent's .int64 is INTEGER on SQLite
        case .text: return ".string"  // TEXT on both
        case .string(let n): return raw("VARCHAR(\(n))")
        case .boolean: return raw("BOOLEAN")  // Fluent's .bool is INTEGER on SQLite
        case .real: return raw("REAL")
        case .double: return ".double"  // DOUBLE PRECISION on PostgreSQL, DOUBLE on SQLite
        case .decimal(let p, let scale): return raw("NUMERIC(\(p), \(scale))")
        case .date: return ".date"
        case .timestamp(let tz): return raw(tz ? "TIMESTAMPTZ" : "TIMESTAMP")  // Fluent's .datetime is REAL on SQLite
        case .uuid: return ".uuid"
        case .json: return ".dictionary"  // JSONB on PostgreSQL, JSON on SQLite
        case .blob: return ".data"  // BYTEA on PostgreSQL, BLOB on SQLite
        case .native: return nil
        case .enumeration: return nil  // with native types
        }
    }

    /// A default as an SQLKit expression; nil for sequence values (PostgreSQL only).
    static func defaultValue(_ d: DefaultValue) -> String? {
        guard !d.isSequenceValue else { return nil }
        switch d {
        case .string(let v): return SwiftLiteral.string(v)
        case .integer(let i): return String(i)
        case .number(let n): return "SQLLiteral.numeric(\(SwiftLiteral.string(n)))"
        case .boolean(let b): return b ? "true" : "false"
        case .currentTimestamp: return "SQLRaw(\"CURRENT_TIMESTAMP\")"
        case .currentDate: return "SQLRaw(\"CURRENT_DATE\")"
        case .expression(let e): return "SQLRaw(\(SwiftLiteral.string("(\(e))")))"
        }
    }

    private static func usesEnumType(_ c: Column) -> Bool {
        if case .enumeration = c.type { return c.nativeTypes[.postgres] == nil }
        return false
    }

    /// An autoincrement the builder writes the same way as Retort: an identity by default.
    private static func identityByDefault(_ c: Column) -> Bool {
        switch c.autoincrementKind {
        case nil, .identity(.byDefault, nil, nil, nil, nil, nil, nil)?: return true
        default: return false
        }
    }

    private static func action(_ a: ReferentialAction) -> String {
        switch a {
        case .noAction: return ".noAction"
        case .restrict: return ".restrict"
        case .cascade: return ".cascade"
        case .setNull: return ".setNull"
        case .setDefault: return ".setDefault"
        }
    }
}
