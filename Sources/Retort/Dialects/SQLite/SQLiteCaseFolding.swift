extension Schema {
    /// This schema with its table, column and index names spelled as in `other` wherever they match
    /// only case-insensitively: on SQLite, `USERS` and `users` are one table, so a difference in case
    /// alone is no difference (PostgreSQL keeps quoted names exactly and never calls this).
    public func adoptingSpelling(of other: Schema) -> Schema {
        func spellings(_ names: [String]) -> [String: String] {
            Dictionary(names.map { ($0.lowercased(), $0) }) { a, _ in a }
        }
        var copy = self
        let tableNames = spellings(other.tables.map(\.name))
        let exact = Set(other.tables.map(\.name))
        for t in copy.tables.indices {
            let old = copy.tables[t].name
            guard !exact.contains(old), let new = tableNames[old.lowercased()], copy.table(new) == nil else { continue }
            copy.tables[t].name = new
            for u in copy.tables.indices {
                for f in copy.tables[u].foreignKeys.indices where copy.tables[u].foreignKeys[f].referencedTable == old {
                    copy.tables[u].foreignKeys[f].referencedTable = new
                }
            }
        }
        let wantedByName = Dictionary(other.tables.map { ($0.name, $0) }) { a, _ in a }
        for t in copy.tables.indices {
            let name = copy.tables[t].name
            guard let wanted = wantedByName[name] else { continue }
            let columnNames = spellings(wanted.columns.map(\.name))
            for column in copy.tables[t].columns.map(\.name) where wanted.column(column) == nil {
                guard let new = columnNames[column.lowercased()], copy.tables[t].column(new) == nil else { continue }
                copy.tables[t].renameColumn(column, to: new)
                for u in copy.tables.indices where u != t {
                    for f in copy.tables[u].foreignKeys.indices where copy.tables[u].foreignKeys[f].referencedTable == name {
                        copy.tables[u].foreignKeys[f].referencedColumns = copy.tables[u].foreignKeys[f].referencedColumns.map {
                            $0 == column ? new : $0
                        }
                    }
                }
            }
            let indexNames = spellings(wanted.indexes.compactMap(\.name))
            for i in copy.tables[t].indexes.indices {
                guard let old = copy.tables[t].indexes[i].name, !wanted.indexes.contains(where: { $0.name == old }),
                    let new = indexNames[old.lowercased()]
                else { continue }
                copy.tables[t].indexes[i].name = new
            }
        }
        // Views, by name; the catalog's facts follow.
        let viewNames = spellings(other.views.map(\.name))
        let exactViews = Set(other.views.map(\.name))
        for v in copy.views.indices {
            let old = copy.views[v].name
            guard !exactViews.contains(old), let new = viewNames[old.lowercased()], !copy.views.contains(where: { $0.name == new }) else {
                continue
            }
            copy.views[v].name = new
            if var facts = copy.catalog.objects.removeValue(forKey: ObjectID(.view, old)) {
                if case .view(var view) = facts.object { view.name = new; facts.object = .view(view) }
                copy.catalog.objects[ObjectID(.view, new)] = facts
            }
            for d in copy.catalog.dependencies.indices {
                if copy.catalog.dependencies[d].dependent == ObjectID(.view, old) { copy.catalog.dependencies[d].dependent = ObjectID(.view, new) }
                if copy.catalog.dependencies[d].referenced == ObjectID(.view, old) { copy.catalog.dependencies[d].referenced = ObjectID(.view, new) }
            }
        }
        return copy
    }
}
