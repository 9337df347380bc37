/// A table's exclusion constraints, by name (PostgreSQL): added, dropped, and dropped and added
/// again when their definition differs by meaning; a comment alone changes in place.
enum ExclusionComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        let oldByName = Dictionary(pair.old.exclusionConstraints.map { ($0.name, $0) }) { a, _ in a }
        let newByName = Dictionary(pair.new.exclusionConstraints.map { ($0.name, $0) }) { a, _ in a }
        let normalizedOld = Dictionary(pair.normalizedOld.exclusionConstraints.map { ($0.name, $0) }) { a, _ in a }
        var ops: [MigrationOperation] = []
        for normalized in pair.normalizedNew.exclusionConstraints {
            let x = newByName[normalized.name]!
            guard var was = normalizedOld[normalized.name] else {
                ops.append(.createObject(.exclusion(table: pair.name, x)))
                continue
            }
            guard was != normalized else { continue }
            let old = oldByName[normalized.name]!
            was.comment = normalized.comment
            if was == normalized {
                ops.append(.replaceObject(from: .exclusion(table: pair.name, old), to: .exclusion(table: pair.name, x)))
            } else {
                ops.append(.dropObject(.exclusion(table: pair.name, old)))
                ops.append(.createObject(.exclusion(table: pair.name, x)))
            }
        }
        for normalized in pair.normalizedOld.exclusionConstraints where newByName[normalized.name] == nil {
            ops.append(.dropObject(.exclusion(table: pair.name, oldByName[normalized.name]!)))
        }
        return ops
    }
}
