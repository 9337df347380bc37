/// A partitioned table's partitions, by name at every level: created (with what they hold in
/// turn), dropped, and changed in place (a new bound by detaching and attaching, their own indexes,
/// their comment). A partition that moves to another parent is dropped and created. The key of
/// the table, or of a partition partitioned in turn, cannot change in place: refused.
enum PartitionComparison: TableComparison {
    static func compare(_ pair: TablePair) throws -> [MigrationOperation] {
        let old = pair.normalizedOld.partitioning, new = pair.normalizedNew.partitioning
        guard old != nil || new != nil else { return [] }
        try checkKey(pair.name, old, new)
        // Decisions on the normalized partitions; operations carry the given ones.
        func byName(_ t: Table) -> [String: Partition] { Dictionary(t.allPartitions.map { ($0.partition.name, $0.partition) }) { a, _ in a } }
        let givenOld = byName(pair.old), givenNew = byName(pair.new)
        let oldAll = old?.flattened(parent: pair.name) ?? [], newAll = new?.flattened(parent: pair.name) ?? []
        let oldByName = Dictionary(oldAll.map { ($0.partition.name, $0) }) { a, _ in a }
        let newByName = Dictionary(newAll.map { ($0.partition.name, $0) }) { a, _ in a }
        var ops: [MigrationOperation] = []
        var dropped = Set<String>(), created = Set<String>()
        // Gone, or moved to another parent: dropped with what it holds (parents come first).
        for (parent, p) in oldAll {
            if dropped.contains(parent) {
                dropped.insert(p.name)
            } else if newByName[p.name]?.parent != parent {
                ops.append(.dropObject(.partition(table: pair.name, parent: parent, givenOld[p.name]!)))
                dropped.insert(p.name)
            }
        }
        for (parent, p) in newAll {
            if created.contains(parent) {
                created.insert(p.name)
                continue
            }
            guard let (oldParent, was) = oldByName[p.name], oldParent == parent, !dropped.contains(p.name) else {
                ops.append(.createObject(.partition(table: pair.name, parent: parent, givenNew[p.name]!)))
                created.insert(p.name)
                continue
            }
            try checkKey(p.name, was.partitioning, p.partitioning)
            guard was.own != p.own else { continue }
            ops.append(.replaceObject(from: .partition(table: pair.name, parent: parent, givenOld[p.name]!),
                                      to: .partition(table: pair.name, parent: parent, givenNew[p.name]!)))
        }
        return ops
    }

    /// Refuses a key that changes: PostgreSQL partitions a table (or a partition) once, when it is created.
    static func checkKey(_ name: String, _ old: Partitioning?, _ new: Partitioning?) throws {
        func spelled(_ p: Partitioning?) -> String { p.map { "\($0.strategy.rawValue) (\($0.keys.map(\.displayName).joined(separator: ", ")))" } ?? "not partitioned" }
        guard old?.strategy != new?.strategy || old?.keys != new?.keys else { return }
        throw UnsupportedChange(
            "\(name): partitioning cannot change in place (\(spelled(old)) → \(spelled(new))); create a new table, copy the rows in a hand-written step, and drop the old one")
    }
}
