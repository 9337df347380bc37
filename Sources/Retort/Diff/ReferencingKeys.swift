/// Foreign keys that stand in the way of a change to what they reference.
///
/// PostgreSQL refuses to drop a primary key or unique constraint that a foreign key uses, and to
/// change the type of a referenced column while the key exists. Such foreign keys are dropped
/// before the change and added again after it (the planner orders them so).
enum ReferencingKeys {
    static func detach(_ ops: [MigrationOperation], current: Schema, target: Schema) -> [MigrationOperation] {
        var affected: [String: Set<String>] = [:]  // table -> columns whose key or type changes
        for op in ops {
            switch op {
            case .dropConstraint(let t, .primaryKey(let c)): affected[t, default: []].formUnion(c.columns)
            case .dropConstraint(let t, .unique(let c)): affected[t, default: []].formUnion(c.columns)
            case .dropIndex(let t, let i) where i.unique: affected[t, default: []].formUnion(i.columns)
            case .alterColumn(let t, let from, let to) where from.type != to.type || from.nativeTypes != to.nativeTypes:
                affected[t, default: []].insert(from.name)
            default: break
            }
        }
        guard !affected.isEmpty else { return ops }
        func stands(_ fk: ForeignKey) -> Bool {
            guard let columns = affected[fk.referencedTable] else { return false }
            return !columns.isDisjoint(with: fk.referencedColumns)
        }
        var ops = ops
        var extra: [MigrationOperation] = []
        // A table that goes lets go of such keys first (and is dropped without them, so that
        // its re-creation on the way down adds them back after the key they reference).
        for (i, op) in ops.enumerated() {
            guard case .dropTable(var table) = op else { continue }
            let standing = table.foreignKeys.filter { $0.referencedTable != table.name && stands($0) }
            guard !standing.isEmpty else { continue }
            table.foreignKeys.removeAll { standing.contains($0) }
            ops[i] = .dropTable(table)
            extra += standing.map { .dropConstraint(table: table.name, constraint: .foreignKey($0)) }
        }
        /// A table and something of it, told apart by value.
        struct Owned<Value: Hashable>: Hashable {
            var table: String
            var value: Value
        }
        var droppedTables: Set<String> = [], droppedKeys: Set<Owned<ForeignKey>> = []
        for op in ops {
            if case .dropConstraint(let t, .foreignKey(let fk)) = op { droppedKeys.insert(Owned(table: t, value: fk.definition)) }
            if case .dropTable(let t) = op { droppedTables.insert(t.name) }
        }
        var renamesDropped: Set<Owned<String>> = []
        for table in current.tables where !droppedTables.contains(table.name) {
            for fk in table.foreignKeys where stands(fk) && !droppedKeys.contains(Owned(table: table.name, value: fk.definition)) {
                extra.append(.dropConstraint(table: table.name, constraint: .foreignKey(fk)))
                if let kept = target.table(table.name)?.foreignKeys.first(where: { $0.sameDefinition(as: fk) }) {
                    extra.append(.addConstraint(table: table.name, constraint: .foreignKey(kept)))
                }
                // Dropped by its old name and added by its new one: no rename in between.
                if let name = fk.name { renamesDropped.insert(Owned(table: table.name, value: name)) }
            }
        }
        ops.removeAll { op in
            if case .renameConstraint(let t, let from, _) = op { return renamesDropped.contains(Owned(table: t, value: from)) }
            return false
        }
        return ops + extra
    }
}
