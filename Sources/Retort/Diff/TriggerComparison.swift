/// A table's triggers, by name (those that exist on the dialect): created, dropped, and when their
/// definition differs (the `WHEN` condition by meaning), dropped and created again, so that a
/// column change in between finds no trigger using the column; a changed firing state or comment
/// only is changed in place.
enum TriggerComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        let dialect = pair.dialect.name
        // The normalized lists hold the same triggers in the same order (SQLite's names folded to lower case).
        let old = Array(zip(pair.old.triggers.filter { $0.exists(on: dialect) }, pair.normalizedOld.triggers))
        let new = Array(zip(pair.new.triggers.filter { $0.exists(on: dialect) }, pair.normalizedNew.triggers))
        return NamedTableParts.compare(old: old, new: new, name: \.name, object: { .trigger(table: pair.name, $0) }) { was, now in
            var rest = was
            rest.firing = now.firing
            rest.comment = now.comment
            return rest == now
        }
    }
}
