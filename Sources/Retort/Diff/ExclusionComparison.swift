/// A table's exclusion constraints, by name (PostgreSQL): added, dropped, and dropped and added
/// again when their definition differs by meaning; a comment alone changes in place.
enum ExclusionComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        NamedTableParts.compare(
            old: NamedTableParts.byName(pair.old.exclusionConstraints, pair.normalizedOld.exclusionConstraints, name: \.name),
            new: NamedTableParts.byName(pair.new.exclusionConstraints, pair.normalizedNew.exclusionConstraints, name: \.name),
            name: \.name, object: { .exclusion(table: pair.name, $0) }
        ) { was, now in
            var rest = was
            rest.comment = now.comment
            return rest == now
        }
    }
}
