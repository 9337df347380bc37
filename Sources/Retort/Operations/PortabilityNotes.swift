extension Array where Element == MigrationOperation {
    /// One line for each PostgreSQL-only detail these operations use, for a run on SQLite. SQLite
    /// gets the nearest form (a `gin` index becomes a plain index, an identity column an
    /// autoincrement key); the revision itself keeps every detail for PostgreSQL.
    public var postgresOnlyDetails: [String] {
        var notes: [String] = []
        func note(_ s: String) { if !notes.contains(s) { notes.append(s) } }
        func index(_ i: Retort.Index, on table: String) {
            let name = i.name ?? "?"
            if let m = i.method { note("index \(name) on \(table) uses \(m); SQLite builds a plain index") }
            if i.keyOptions.contains(where: { $0.opclass != nil }) { note("index \(name) on \(table) names operator classes; SQLite has none") }
            if i.keyOptions.contains(where: { $0.nulls != nil }) { note("index \(name) on \(table) orders NULLS FIRST/LAST; SQLite keeps its own order") }
            if !i.include.isEmpty { note("index \(name) on \(table) has INCLUDE columns; SQLite leaves them out") }
            if !i.storage.isEmpty { note("index \(name) on \(table) has storage parameters; SQLite has none") }
            if i.nullsNotDistinct { note("index \(name) on \(table) is NULLS NOT DISTINCT; SQLite treats NULLs as distinct") }
            if i.comment != nil { note("index \(name) on \(table) has a comment; SQLite keeps none") }
            if i.keyOptions.contains(where: { $0.collations[.postgres] != nil && $0.collations[.sqlite] == nil }) {
                note("index \(name) on \(table) names a PostgreSQL collation only; SQLite uses the column's")
            }
        }
        func constraint(_ c: Constraint, on table: String) {
            let name = c.name ?? c.kind
            switch c {
            case .primaryKey(let pk) where pk.deferrable != nil: note("primary key \(name) on \(table) is deferrable; SQLite checks it at once")
            case .unique(let u) where u.deferrable != nil || u.nullsNotDistinct:
                note("unique constraint \(name) on \(table) is \(u.deferrable != nil ? "deferrable" : "NULLS NOT DISTINCT"); SQLite has no such option")
            case .foreignKey(let fk) where fk.matchFull || fk.notValid:
                note("foreign key \(name) on \(table) is \(fk.matchFull ? "MATCH FULL" : "NOT VALID"); SQLite ignores it")
            case .check(let ck) where ck.noInherit || ck.notValid:
                note("check \(name) on \(table) is \(ck.noInherit ? "NO INHERIT" : "NOT VALID"); SQLite ignores it")
            case .primaryKey, .unique, .foreignKey, .check: break
            }
        }
        func column(_ c: Column, on table: String) {
            if let kind = c.autoincrementKind { note("column \(table).\(c.name) is \(kind.displayName); SQLite uses an autoincrement key") }
            if c.collations[.postgres] != nil, c.collations[.sqlite] == nil {
                note("column \(table).\(c.name) has a PostgreSQL collation only; SQLite uses its default (BINARY)")
            }
            if c.defaultValue?.isSequenceValue == true { note("column \(table).\(c.name) takes its default from a sequence; SQLite has none, so no default") }
        }
        func trigger(_ t: Trigger, on table: String) {
            guard !t.exists(on: .sqlite) else { return }
            let why = t.body == nil ? "has no SQLite body" : t.events.count != 1 ? "fires on several events" : "fires once per statement"
            note("trigger \(t.name) on \(table) \(why); it is not created on SQLite")
        }
        func object(_ o: SchemaObject) {
            switch o {
            case .view(let v):
                if v.query(for: .sqlite) == nil { note("view \(v.name) has no SQLite query; it is not created on SQLite") }
                if let option = v.checkOption { note("view \(v.name) has a \(option.rawValue) check option; SQLite has none") }
                if v.securityBarrier || v.securityInvoker {
                    note("view \(v.name) is \(v.securityBarrier ? "a security barrier" : "security invoker"); SQLite has no such option")
                }
                if v.comment != nil { note("view \(v.name) has a comment; SQLite keeps none") }
            case .domain(let d): note("domain \(d.name) is not created on SQLite; columns that use it take their portable type")
            case .compositeType(let t): note("composite type \(t.name) is not created on SQLite; columns that use it take their portable type")
            case .function(let f): note("\(f.kind.rawValue) \(f.signature) is not created on SQLite, which has none")
            case .aggregate(let a): note("aggregate \(a.signature) is not created on SQLite, which has none")
            case .trigger(let table, let t): trigger(t, on: table)
            case .materializedView(let m): note("materialized view \(m.name) is not created on SQLite, which has none")
            case .partition(let table, _, let p): note("partition \(p.name) of \(table) is not created on SQLite; the table holds every row")
            case .exclusion(let table, let x): note("exclusion constraint \(x.name) on \(table) is not created on SQLite, which has none")
            case .extension(let e): note("extension \(e.name) is not created on SQLite, which has none")
            case .policy(let table, let p): note("policy \(p.name) on \(table) is not created on SQLite, which has no row-level security")
            }
        }
        for op in self {
            switch op {
            case .createTable(let t):
                if t.columns.isEmpty { note("table \(t.name) has no columns; SQLite needs one, so it holds a placeholder column") }
                t.columns.forEach { column($0, on: t.name) }
                t.constraints.forEach { constraint($0, on: t.name) }
                t.indexes.forEach { index($0, on: t.name) }
                t.triggers.forEach { trigger($0, on: t.name) }
                t.policies.forEach { object(.policy(table: t.name, $0)) }
                t.exclusionConstraints.forEach { object(.exclusion(table: t.name, $0)) }
                if t.rowLevelSecurity != nil { note("table \(t.name) has row-level security on PostgreSQL; SQLite has none") }
                if let p = t.partitioning {
                    note("table \(t.name) is partitioned by \(p.strategy.rawValue.lowercased()) on PostgreSQL; on SQLite it is a plain table holding every row")
                }
            case .addColumn(let t, let c), .alterColumn(let t, _, let c): column(c, on: t)
            case .createIndex(let t, let i), .createIndexConcurrently(let t, let i): index(i, on: t)
            case .addConstraint(let t, let c): constraint(c, on: t)
            case .createSequence(let s): note("sequence \(s.name) is not created on SQLite")
            case .createEnumType(let e): note("enum type \(e.name) is text on SQLite")
            case .setIndexComment(let t, let i, _, _): note("index \(i) on \(t) has a comment; SQLite keeps none")
            case .createObject(let o), .replaceObject(_, let o), .recreateObject(_, let o): object(o)
            case .dropTable, .dropColumn, .dropIndex, .dropIndexConcurrently, .dropConstraint, .setTableComment, .setRowLevelSecurity,
                .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
                .renameEnumValue, .dropEnumType, .addEnumValue, .replaceEnumType, .dropSequence, .alterSequence,
                .validateConstraint, .backfill, .batchedUpdate, .expect, .execute, .code, .dropObject: break
            }
        }
        return notes
    }
}

extension Array where Element == MigrationOperation {
    /// One line for each SQLite-only detail these operations use, for a run on PostgreSQL: a
    /// virtual generated column is stored there (PostgreSQL before 18 has no virtual ones), and a
    /// collation named for SQLite only is not used.
    public var sqliteOnlyDetails: [String] {
        var notes: [String] = []
        func note(_ s: String) { if !notes.contains(s) { notes.append(s) } }
        func column(_ c: Column, on table: String) {
            if c.generated?.stored == false { note("column \(table).\(c.name) is a virtual generated column; PostgreSQL stores it") }
            if c.collations[.sqlite] != nil, c.collations[.postgres] == nil {
                note("column \(table).\(c.name) has an SQLite collation only; PostgreSQL uses its default")
            }
        }
        func index(_ i: Retort.Index, on table: String) {
            if i.keyOptions.contains(where: { $0.collations[.sqlite] != nil && $0.collations[.postgres] == nil }) {
                note("index \(i.name ?? "?") on \(table) names an SQLite collation only; PostgreSQL uses the column's")
            }
        }
        for op in self {
            switch op {
            case .createTable(let t):
                t.columns.forEach { column($0, on: t.name) }
                t.indexes.forEach { index($0, on: t.name) }
            case .createIndex(let t, let i), .createIndexConcurrently(let t, let i): index(i, on: t)
            case .addColumn(let t, let c), .alterColumn(let t, _, let c): column(c, on: t)
            case .dropTable, .dropColumn, .dropIndex, .dropIndexConcurrently, .addConstraint, .dropConstraint,
                .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint,
                .renameEnumType, .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType,
                .createSequence, .dropSequence, .alterSequence, .setIndexComment, .validateConstraint, .backfill,
                .batchedUpdate, .expect, .execute, .code, .dropObject: break
            case .createObject(let o), .replaceObject(_, let o), .recreateObject(_, let o):
                switch o {
                case .view(let v):
                    if v.query(for: .postgres) == nil { note("view \(v.name) has no PostgreSQL query; it is not created on PostgreSQL") }
                case .trigger(let table, let t):
                    if !t.exists(on: .postgres) { note("trigger \(t.name) on \(table) runs no function; it is not created on PostgreSQL") }
                case .domain, .compositeType, .function, .aggregate, .materializedView, .partition, .policy, .extension, .exclusion: break
                }
            }
        }
        return notes
    }
}
