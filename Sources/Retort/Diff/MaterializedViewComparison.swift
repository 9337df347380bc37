/// Materialized views (PostgreSQL): created, dropped, changed in place (indexes, `WITH [NO] DATA`,
/// comment) while the query keeps its meaning, and dropped and created again (filled `WITH DATA`
/// under lock, what depends on it with it) when it does not.
enum MaterializedViewComparison: SchemaComparison {
    static func compare(_ pair: SchemaPair) throws -> [MigrationOperation] {
        guard pair.dialect.traits.schemaObjects else { return [] }
        let dialect = pair.dialect
        let have = Dictionary(pair.current.materializedViews.map { ($0.name, $0) }) { a, _ in a }
        var ops: [MigrationOperation] = []
        for m in pair.target.materializedViews {
            if m.indexes.contains(where: { $0.name == nil }) {
                throw ModelError("materialized view \(m.name): give each of its indexes a name")
            }
            guard let old = have[m.name] else {
                ops.append(.createObject(.materializedView(m)))
                continue
            }
            guard case .materializedView(let a) = dialect.normalized(.materializedView(old)),
                case .materializedView(let b) = dialect.normalized(pair.canonical.comparable(.materializedView(m))), a != b
            else { continue }
            ops.append(a.query == b.query
                ? .replaceObject(from: .materializedView(old), to: .materializedView(m))
                : .recreateObject(from: .materializedView(old), to: .materializedView(m)))
        }
        let kept = Set(pair.target.materializedViews.map(\.name))
        for old in pair.current.materializedViews where !kept.contains(old.name) { ops.append(.dropObject(.materializedView(old))) }
        return ops
    }
}
