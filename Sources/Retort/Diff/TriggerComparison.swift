/// A table's triggers, by name (those that exist on the dialect): created, dropped, and when their
/// definition differs (the `WHEN` condition by meaning), dropped and created again, so that a
/// column change in between finds no trigger using the column; a changed firing state or comment
/// only is changed in place.
enum TriggerComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        let dialect = pair.dialect.name
        let old = pair.old.triggers.filter { $0.exists(on: dialect) }, new = pair.new.triggers.filter { $0.exists(on: dialect) }
        // The normalized lists hold the same triggers in the same order.
        let oldByName = Dictionary(zip(pair.normalizedOld.triggers, old).map { ($0.name, ($0, $1)) }) { a, _ in a }
        var ops: [MigrationOperation] = []
        var kept = Set<String>()
        for (normalized, trigger) in zip(pair.normalizedNew.triggers, new) {
            guard let (was, original) = oldByName[normalized.name] else {
                ops.append(.createObject(.trigger(table: pair.name, trigger)))
                continue
            }
            kept.insert(normalized.name)
            guard was != normalized else { continue }
            var rest = was
            rest.firing = normalized.firing
            rest.comment = normalized.comment
            if rest == normalized {
                ops.append(.replaceObject(from: .trigger(table: pair.name, original), to: .trigger(table: pair.name, trigger)))
            } else {
                ops.append(.dropObject(.trigger(table: pair.name, original)))
                ops.append(.createObject(.trigger(table: pair.name, trigger)))
            }
        }
        for (normalized, trigger) in zip(pair.normalizedOld.triggers, old) where !kept.contains(normalized.name) {
            ops.append(.dropObject(.trigger(table: pair.name, trigger)))
        }
        return ops
    }
}
