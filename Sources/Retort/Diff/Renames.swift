/// Turns the model's rename hints into rename operations against the database's schema.
///
/// A hint acts only when the database has the old name and not the new one; when it has only the
/// new name the hint is spent and does nothing; when it has both, the model is refused.
enum Renames {
    /// The rename operations, and the database's schema as it is after them.
    static func resolve(current: Schema, target: Schema) throws -> (operations: [MigrationOperation], schema: Schema) {
        var schema = current
        var ops: [MigrationOperation] = []
        func emit(_ op: MigrationOperation) throws {
            try schema.apply(op)
            ops.append(op)
        }
        func conflict(_ what: String, _ old: String, _ new: String) -> ModelError {
            ModelError("cannot rename \(what) '\(old)' to '\(new)': the database has both; drop one or remove the hint")
        }
        let hinted = target.tables.compactMap { t in t.hints.map { (t, $0) } }

        for (_, hints) in hinted {
            for (new, old) in hints.enumTypes.sorted(by: { $0.key < $1.key }) {
                let enums = schema.allEnumTypes
                if enums[old] != nil, enums[new] != nil { throw conflict("enum type", old, new) }
                if enums[old] != nil { try emit(.renameEnumType(from: old, to: new)) }
            }
            for (type, values) in hints.enumValues.sorted(by: { $0.key < $1.key }) {
                for (new, old) in values.sorted(by: { $0.key < $1.key }) {
                    guard let existing = schema.allEnumTypes[type] else { continue }
                    if existing.contains(old), existing.contains(new) { throw conflict("value of enum \(type)", old, new) }
                    guard existing.contains(old) else { continue }
                    let columns = schema.tables.flatMap { t in
                        t.columns.compactMap { c -> ColumnReference? in
                            if case .enumeration(let name, _) = c.type, name == type { return ColumnReference(t.name, c.name) }
                            return nil
                        }
                    }
                    try emit(.renameEnumValue(type: type, from: old, to: new, columns: columns))
                }
            }
        }
        for (table, hints) in hinted {
            guard let old = hints.renamedFrom, old != table.name, schema.table(old) != nil else { continue }
            if schema.table(table.name) != nil { throw conflict("table", old, table.name) }
            try emit(.renameTable(from: old, to: table.name))
            // Conventionally named keys and indexes follow the table's new name.
            let renamed = schema.table(table.name)!
            let names = renamed.indexes.compactMap(\.name).map { ($0, true) } + renamed.constraints.compactMap(\.name).map { ($0, false) }
            for (name, isIndex) in names {
                for prefix in ["pk_", "uq_", "ix_", "fk_", "ck_"] where name.hasPrefix(prefix + old) {
                    let candidate = prefix + table.name + name.dropFirst(prefix.count + old.count)
                    let wanted = isIndex
                        ? table.indexes.contains { $0.name == candidate } : table.constraints.contains { $0.name == candidate }
                    let taken = renamed.indexes.contains { $0.name == candidate } || renamed.constraints.contains { $0.name == candidate }
                    guard wanted, !taken else { continue }
                    try emit(isIndex ? .renameIndex(table: table.name, from: name, to: candidate)
                                     : .renameConstraint(table: table.name, from: name, to: candidate))
                }
            }
        }
        for (table, hints) in hinted {
            for (new, old) in hints.columns.sorted(by: { $0.key < $1.key }) {
                guard let t = schema.table(table.name), t.column(old) != nil, old != new else { continue }
                if t.column(new) != nil { throw conflict("column \(table.name).", old, new) }
                try emit(.renameColumn(table: table.name, from: old, to: new))
            }
            for (new, old) in hints.indexes.sorted(by: { $0.key < $1.key }) {
                guard let t = schema.table(table.name), t.indexes.contains(where: { $0.name == old }), old != new else { continue }
                if t.indexes.contains(where: { $0.name == new }) { throw conflict("index", old, new) }
                try emit(.renameIndex(table: table.name, from: old, to: new))
            }
            for (new, old) in hints.constraints.sorted(by: { $0.key < $1.key }) {
                guard let t = schema.table(table.name), t.constraints.contains(where: { $0.name == old }), old != new else { continue }
                if t.constraints.contains(where: { $0.name == new }) { throw conflict("constraint", old, new) }
                try emit(.renameConstraint(table: table.name, from: old, to: new))
            }
        }
        return (ops, schema)
    }

    /// One-line suggestions for drops and adds that look like renames the model did not hint:
    /// a column dropped and one of the same definition added in the same table, or a table
    /// dropped and one with the same columns created.
    static func suggestions(_ ops: [MigrationOperation], dialect: any Dialect) -> [String] {
        func shape(_ c: Column) -> Column {
            var copy = dialect.normalized(Table(name: "", columns: [c])).columns[0]
            copy.name = ""
            return copy
        }
        var out: [String] = []
        var added: [String: [Column]] = [:], dropped: [String: [Column]] = [:]
        var createdTables: [Table] = [], droppedTables: [Table] = []
        for op in ops {
            switch op {
            case .addColumn(let t, let c): added[t, default: []].append(c)
            case .dropColumn(let t, let c): dropped[t, default: []].append(c)
            case .createTable(let t): createdTables.append(t)
            case .dropTable(let t): droppedTables.append(t)
            default: break
            }
        }
        for (table, gone) in dropped.sorted(by: { $0.key < $1.key }) {
            for old in gone {
                guard let new = added[table]?.first(where: { shape($0) == shape(old) }) else { continue }
                out.append(
                    "did you rename \(table).\(old.name) to \(table).\(new.name)? add .renamed(from: \"\(old.name)\") and run autogen again")
            }
        }
        for old in droppedTables {
            let columns = old.columns.map { shape($0) }
            guard let new = createdTables.first(where: { $0.columns.map { c in shape(c) } == columns && $0.columns.map(\.name) == old.columns.map(\.name) })
            else { continue }
            out.append("did you rename table \(old.name) to \(new.name)? add renamedFrom: \"\(old.name)\" and run autogen again")
        }
        return out
    }
}
