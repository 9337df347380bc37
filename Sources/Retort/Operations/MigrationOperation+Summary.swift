extension Column {
    /// `name type [NULL] [DEFAULT x]`, for messages.
    public var summary: String {
        var s = "\(name) \(type.displayName)"
        s += nullable ? " NULL" : " NOT NULL"
        if let d = defaultValue { s += " DEFAULT \(d.displayName)" }
        if autoincrement { s += " AUTOINCREMENT" }
        if let g = generated { s += " GENERATED AS (\(g.expression))" }
        return s
    }
}

extension MigrationOperation {
    /// One human line describing the operation.
    public var summary: String {
        switch self {
        case .createTable(let t): return "create table \(t.name)"
        case .dropTable(let t): return "drop table \(t.name)"
        case .addColumn(let t, let c): return "add column \(t).\(c.summary)"
        case .dropColumn(let t, let c): return "drop column \(t).\(c.name)"
        case .alterColumn(let t, let from, let to):
            var changes: [String] = []
            if from.type != to.type || from.nativeTypes != to.nativeTypes {
                changes.append("type \(from.type.displayName) -> \(to.type.displayName)")
            }
            if from.nullable != to.nullable { changes.append(to.nullable ? "nullable" : "not null") }
            if from.defaultValue != to.defaultValue {
                changes.append("default \(from.defaultValue?.displayName ?? "none") -> \(to.defaultValue?.displayName ?? "none")")
            }
            if from.generated != to.generated {
                changes.append("generated \(from.generated.map { "(\($0.expression))" } ?? "no") -> \(to.generated.map { "(\($0.expression))" } ?? "no")")
            }
            if from.collations != to.collations {
                func names(_ c: Column) -> String {
                    c.collations.isEmpty ? "default" : c.collations.sorted { $0.key < $1.key }.map(\.value).joined(separator: "/")
                }
                changes.append("collation \(names(from)) -> \(names(to))")
            }
            if from.comment != to.comment { changes.append("comment") }
            if from.autoincrement != to.autoincrement { changes.append(to.autoincrement ? "autoincrement" : "no autoincrement") }
            if from.autoincrement, to.autoincrement, let kind = to.autoincrementKind, from.autoincrementKind != kind {
                changes.append("\(from.autoincrementKind?.displayName ?? "autoincrement") -> \(kind.displayName)")
            }
            return "alter column \(t).\(to.name): \(changes.joined(separator: ", "))"
        case .createIndex(let t, let i):
            return "create \(i.unique ? "unique " : "")index \(i.name ?? "") on \(t) (\(i.keys.map(\.displayName).joined(separator: ", ")))"
        case .dropIndex(let t, let i): return "drop index \(i.name ?? "") on \(t)"
        case .createIndexConcurrently(let t, let i):
            return MigrationOperation.createIndex(table: t, index: i).summary + " concurrently"
        case .dropIndexConcurrently(let t, let i): return "drop index \(i.name ?? "") on \(t) concurrently"
        case .addConstraint(let t, let c): return "add \(c.kind) \(c.name ?? "") on \(t)"
        case .dropConstraint(let t, let c): return "drop \(c.kind) \(c.name ?? "") on \(t)"
        case .setTableComment(let t, _, _): return "set comment on table \(t)"
        case .setRowLevelSecurity(let t, _, let to):
            guard let to, to.enabled || to.forced else { return "disable row level security on \(t)" }
            return (to.enabled ? "enable" : "disable") + " row level security on \(t)" + (to.forced ? ", forced" : "")
        case .renameTable(let from, let to): return "rename table \(from) to \(to)"
        case .renameColumn(let t, let from, let to): return "rename column \(t).\(from) to \(to)"
        case .renameIndex(let t, let from, let to): return "rename index \(from) on \(t) to \(to)"
        case .renameConstraint(let t, let from, let to): return "rename constraint \(from) on \(t) to \(to)"
        case .renameEnumType(let from, let to): return "rename enum type \(from) to \(to)"
        case .renameEnumValue(let type, let from, let to, _): return "rename value '\(from)' of enum \(type) to '\(to)'"
        case .createEnumType(let e): return "create enum type \(e.name)"
        case .dropEnumType(let e): return "drop enum type \(e.name)"
        case .addEnumValue(let type, let value, let before, let after):
            let position = before.map { " before '\($0)'" } ?? after.map { " after '\($0)'" } ?? ""
            return "add value '\(value)' to enum \(type)\(position)"
        case .replaceEnumType(let from, let to):
            let removed = from.values.filter { !to.values.contains($0) }
            return "rebuild enum type \(to.name) with values \(to.values.map { "'\($0)'" }.joined(separator: ", "))"
                + (removed.isEmpty ? "" : " (removes \(removed.map { "'\($0)'" }.joined(separator: ", ")))")
        case .setSQLiteTableOptions(let t, let from, let to):
            let added = (to ?? []).subtracting(from ?? []), removed = (from ?? []).subtracting(to ?? [])
            return "make \(t)" + (added.isEmpty ? "" : " \(added.sql)") + (removed.isEmpty ? "" : " no longer \(removed.sql)")
        case .createSequence(let s): return "create sequence \(s.name)"
        case .dropSequence(let s): return "drop sequence \(s.name)"
        case .alterSequence(_, let s): return "alter sequence \(s.name)"
        case .setIndexComment(let t, let i, _, _): return "set comment on index \(i) on \(t)"
        case .createObject(let o): return "create \(o.id)"
        case .dropObject(let o): return "drop \(o.id)"
        case .replaceObject(_, let o): return "replace \(o.id)"
        case .recreateObject(_, .materializedView(let m)) where m.withData:
            return "drop and create materialized view \(m.name) (filled again WITH DATA, under lock)"
        case .recreateObject(_, let o): return "drop and create \(o.id)"
        case .validateConstraint(let t, let name): return "validate constraint \(name) on \(t)"
        case .backfill(let t, let c, let v): return "fill NULLs of \(t).\(c) with \(v.displayName)"
        case .batchedUpdate(let u):
            return "update \(u.table) in batches of \(u.batchSize): \(u.assignments.map(\.column).joined(separator: ", "))\(u.condition.map { " where \($0)" } ?? "")"
        case .expect(let e): return "expect: \(e.message)"
        case .execute(let r):
            // The first dialect's text by name, never by the dictionary's order (which changes from
            // process to process): a derived downgrade names the step, and its checksum holds the name.
            return "execute SQL: \((r.sql ?? r.perDialect.min { $0.key < $1.key }?.value ?? "").prefix(60))"
        case .code(let c): return "run Swift code '\(c.name)'"
        }
    }
}
