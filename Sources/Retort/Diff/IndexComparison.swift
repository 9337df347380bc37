/// Indexes, paired by name: one whose definition changed is dropped and created again; one whose
/// comment alone changed gets the new comment.
enum IndexComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        let name = pair.name
        var ops: [MigrationOperation] = []
        let oldIndexes = Dictionary(zip(pair.old.indexes, pair.normalizedOld.indexes).map { ($0.name ?? "", ($0, $1)) }) { a, _ in a }
        let newNames = Set(pair.new.indexes.map { $0.name ?? "" })
        for (index, normalized) in zip(pair.new.indexes, pair.normalizedNew.indexes) {
            guard let (before, normalizedBefore) = oldIndexes[index.name ?? ""] else {
                ops.append(.createIndex(table: name, index: index))
                continue
            }
            if !normalizedBefore.sameDefinition(as: normalized) {
                ops.append(.dropIndex(table: name, index: before))
                ops.append(.createIndex(table: name, index: index))
            } else if normalizedBefore.comment != normalized.comment, let indexName = index.name {
                ops.append(.setIndexComment(table: name, index: indexName, from: before.comment, to: index.comment))
            }
        }
        for index in pair.old.indexes where !newNames.contains(index.name ?? "") {
            ops.append(.dropIndex(table: name, index: index))
        }
        return ops
    }
}
