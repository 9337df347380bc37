/// Compares what lives beside the tables: enum types and sequences.
enum SchemaObjects {
    /// Operations that create enum types and sequences, add enum values and keep types whose last
    /// column goes (these run before the tables change), and those that drop types and sequences
    /// (after the tables change). An enum type that loses or reorders values is rebuilt.
    static func diff(from current: Schema, to target: Schema) throws -> [MigrationOperation] {
        var ops: [MigrationOperation] = []
        let have = current.allEnumTypes, want = target.allEnumTypes
        let usedNow = current.enumTypes(), usedLater = target.enumTypes()
        for name in want.keys.sorted() {
            let values = want[name]!
            guard let existing = have[name] else {
                ops.append(.createEnumType(EnumType(name, values)))
                continue
            }
            // Values that go or move: PostgreSQL can only add, so the type is rebuilt.
            guard values.filter({ existing.contains($0) }) == existing else {
                ops.append(.replaceEnumType(from: EnumType(name, existing), to: EnumType(name, values)))
                continue
            }
            for (i, v) in values.enumerated() where !existing.contains(v) {
                // Placed before the next value the type already has, or at the end.
                let next = values[(i + 1)...].first { existing.contains($0) }
                ops.append(.addEnumValue(type: name, value: v, before: next, after: nil))
            }
            // Columns that use it go, the type stays: list it, so the last drop does not take it along.
            if usedNow[name] != nil, usedLater[name] == nil, !current.enums.contains(where: { $0.name == name }) {
                ops.append(.createEnumType(EnumType(name, values)))
            }
            // A listed type that columns start using is no longer listed: the downgrade lists it
            // again, so the columns' drop keeps it.
            if usedNow[name] == nil, usedLater[name] != nil, current.enums.contains(where: { $0.name == name }),
                !target.enums.contains(where: { $0.name == name })
            {
                ops.append(.dropEnumType(EnumType(name, values)))
            }
        }
        for name in have.keys.sorted() where want[name] == nil {
            ops.append(.dropEnumType(EnumType(name, have[name]!)))
        }

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
