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
        let dropped = Set(ops.compactMap { op -> String? in
            if case .dropConstraint(let t, .foreignKey(let fk)) = op { return "\(t)\u{1}\(Differ.key(fk))" }
            if case .dropTable(let t) = op { return t.name }
            return nil
        })
        var extra: [MigrationOperation] = []
        for table in current.tables where !dropped.contains(table.name) {
            for fk in table.foreignKeys {
                guard let columns = affected[fk.referencedTable], !columns.isDisjoint(with: fk.referencedColumns),
                    !dropped.contains("\(table.name)\u{1}\(Differ.key(fk))")
                else { continue }
                extra.append(.dropConstraint(table: table.name, constraint: .foreignKey(fk)))
                if let kept = target.table(table.name)?.foreignKeys.first(where: { Differ.key($0) == Differ.key(fk) }) {
                    extra.append(.addConstraint(table: table.name, constraint: .foreignKey(kept)))
                }
            }
        }
        return ops + extra
    }
}
