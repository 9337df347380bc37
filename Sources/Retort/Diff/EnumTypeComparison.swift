/// Enum types (PostgreSQL): created, dropped, values added in place, rebuilt when values go or move,
/// and listed or unlisted when the columns that use them come or go.
enum EnumTypeComparison: SchemaComparison {
    static func compare(_ pair: SchemaPair) throws -> [MigrationOperation] {
        guard pair.dialect.traits.schemaObjects else { return [] }
        let (current, target) = (pair.current, pair.target)
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
        return ops
    }
}
