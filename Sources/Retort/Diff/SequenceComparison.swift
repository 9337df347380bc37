/// Sequences (PostgreSQL): created, dropped, or altered when any option or the owner differs.
enum SequenceComparison: SchemaComparison {
    static func compare(_ pair: SchemaPair) throws -> [MigrationOperation] {
        guard pair.dialect.traits.schemaObjects else { return [] }
        let (current, target) = (pair.current, pair.target)
        var ops: [MigrationOperation] = []
        for s in target.sequences {
            if let old = current.sequence(s.name) {
                if old != s { ops.append(.alterSequence(from: old, to: s)) }
            } else {
                ops.append(.createSequence(s))
            }
        }
        for s in current.sequences where target.sequence(s.name) == nil { ops.append(.dropSequence(s)) }
        return ops
    }
}
