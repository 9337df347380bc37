/// A table's row-level security policies, by name (PostgreSQL): created, dropped, and changed
/// (`ALTER POLICY` where it can, dropped and created otherwise: the renderer decides). The
/// expressions compare by meaning: the models' side was spelled by the server first.
enum PolicyComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        NamedTableParts.compare(
            old: NamedTableParts.byName(pair.old.policies, pair.normalizedOld.policies, name: \.name),
            new: NamedTableParts.byName(pair.new.policies, pair.normalizedNew.policies, name: \.name),
            name: \.name, object: { .policy(table: pair.name, $0) }, inPlace: { _, _ in true })
    }
}

/// Whether row-level security is on, and forced.
enum RowLevelSecurityComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        guard pair.normalizedOld.rowLevelSecurity != pair.normalizedNew.rowLevelSecurity else { return [] }
        return [.setRowLevelSecurity(table: pair.name, from: pair.old.rowLevelSecurity, to: pair.new.rowLevelSecurity)]
    }
}
