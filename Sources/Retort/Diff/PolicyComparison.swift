/// A table's row-level security policies, by name (PostgreSQL): created, dropped, and changed
/// (`ALTER POLICY` where it can, dropped and created otherwise: the renderer decides). The
/// expressions compare by meaning: the models' side was spelled by the server first.
enum PolicyComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        let oldByName = Dictionary(pair.old.policies.map { ($0.name, $0) }) { a, _ in a }
        let newByName = Dictionary(pair.new.policies.map { ($0.name, $0) }) { a, _ in a }
        let normalizedOld = Dictionary(pair.normalizedOld.policies.map { ($0.name, $0) }) { a, _ in a }
        var ops: [MigrationOperation] = []
        for normalized in pair.normalizedNew.policies {
            let policy = newByName[normalized.name]!
            guard let was = normalizedOld[normalized.name] else {
                ops.append(.createObject(.policy(table: pair.name, policy)))
                continue
            }
            if was != normalized {
                ops.append(.replaceObject(from: .policy(table: pair.name, oldByName[normalized.name]!), to: .policy(table: pair.name, policy)))
            }
        }
        for normalized in pair.normalizedOld.policies where !pair.normalizedNew.policies.contains(where: { $0.name == normalized.name }) {
            ops.append(.dropObject(.policy(table: pair.name, oldByName[normalized.name]!)))
        }
        return ops
    }
}

/// Whether row-level security is on, and forced.
enum RowLevelSecurityComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        guard pair.normalizedOld.rowLevelSecurity != pair.normalizedNew.rowLevelSecurity else { return [] }
        return [.setRowLevelSecurity(table: pair.name, from: pair.old.rowLevelSecurity, to: pair.new.rowLevelSecurity)]
    }
}
