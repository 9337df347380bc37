/// Views: created, dropped, and replaced when the query (by meaning: the server's spelling on
/// PostgreSQL, tokens on SQLite), an option or the comment differs. On PostgreSQL a view whose
/// columns keep their names and types (new ones only appended) is replaced in place; otherwise it
/// is dropped and created again, what depends on it with it.
enum ViewComparison: SchemaComparison {
    static func compare(_ pair: SchemaPair) throws -> [MigrationOperation] {
        let dialect = pair.dialect
        var ops: [MigrationOperation] = []
        let have = Dictionary(pair.current.views.map { ($0.name, $0) }) { a, _ in a }
        let wanted = pair.target.views.filter { $0.query(for: dialect.name) != nil }
        for view in wanted {
            guard let old = have[view.name] else {
                ops.append(.createObject(.view(view)))
                continue
            }
            let comparable = pair.canonical.comparable(view)
            guard dialect.normalized(.view(old)) != dialect.normalized(.view(comparable)) else { continue }
            let columnsBefore = pair.current.catalog.objects[ObjectID(.view, old.name)]?.outputColumns ?? []
            let columnsAfter = pair.canonical.viewColumns[view.name] ?? []
            let inPlace = !dialect.traits.schemaObjects
                || (!columnsBefore.isEmpty && columnsAfter.starts(with: columnsBefore) && old.columns == view.columns)
            ops.append(inPlace ? .replaceObject(from: .view(old), to: .view(view)) : .recreateObject(from: .view(old), to: .view(view)))
        }
        let kept = Set(wanted.map(\.name))
        for old in pair.current.views where !kept.contains(old.name) { ops.append(.dropObject(.view(old))) }
        return ops
    }
}
