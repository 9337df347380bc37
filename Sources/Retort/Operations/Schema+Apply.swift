/// An operation that does not fit the schema it is applied to.
public struct ReplayError: Error, CustomStringConvertible {
    public var description: String
}

extension Schema {
    /// Applies a schema operation to this value, as the database would.
    ///
    /// Hand-written SQL and code leave the value unchanged: Retort cannot know what they do.
    public mutating func apply(_ operation: MigrationOperation) throws {
        func fail(_ message: String) -> ReplayError { ReplayError(description: message) }
        func withTable(_ name: String, _ body: (inout Table) throws -> Void) throws {
            guard let i = tableIndex(name) else { throw fail("table '\(name)' does not exist") }
            try body(&tables[i])
        }
        // An object the dialect has no such thing as is never in its schema: nothing changes.
        switch operation {
        case .createObject(let o), .dropObject(let o), .replaceObject(_, let o), .recreateObject(_, let o):
            if let dialect = catalog.dialect, !o.exists(on: dialect) { return }
        default: break
        }
        switch operation {
        case .createTable(let t):
            guard table(t.name) == nil else { throw fail("table '\(t.name)' already exists") }
            tables.append(t)
        case .dropTable(let t):
            guard let i = tableIndex(t.name) else { throw fail("table '\(t.name)' does not exist") }
            tables.remove(at: i)
        case .addColumn(let name, let column):
            try withTable(name) { t in
                guard t.column(column.name) == nil else { throw fail("column '\(name).\(column.name)' already exists") }
                t.columns.append(column)
            }
        case .dropColumn(let name, let column):
            try withTable(name) { t in
                guard t.column(column.name) != nil else { throw fail("column '\(name).\(column.name)' does not exist") }
                t.columns.removeAll { $0.name == column.name }
            }
        case .alterColumn(let name, let from, let to):
            try withTable(name) { t in
                guard let i = t.columns.firstIndex(where: { $0.name == from.name }) else {
                    throw fail("column '\(name).\(from.name)' does not exist")
                }
                t.columns[i] = to
            }
        case .createIndex(let name, let index), .createIndexConcurrently(let name, let index):
            try withTable(name) { t in t.indexes.append(index) }
        case .dropIndex(let name, let index), .dropIndexConcurrently(let name, let index):
            try withTable(name) { t in t.indexes.removeAll { $0.name == index.name } }
        case .addConstraint(let name, let constraint):
            try withTable(name) { t in
                // A key added over an index of its own name takes that index over.
                if let index = t.indexKeptBy(constraint) { t.indexes.removeAll { $0 == index } }
                t.add(constraint)
            }
        case .dropConstraint(let name, let constraint):
            try withTable(name) { t in
                if let n = constraint.name, t.constraints.contains(where: { $0.name == n }) {
                    t.removeConstraint(named: n)
                } else {
                    t.remove(constraint)
                }
            }
        case .setTableComment(let name, _, let to):
            try withTable(name) { t in t.comment = to }
        case .setRowLevelSecurity(let name, _, let to):
            try withTable(name) { t in t.rowLevelSecurity = to }
        case .setSQLiteTableOptions(let name, _, let to):
            try withTable(name) { t in t.sqlite = to }
        case .renameTable(let from, let to):
            guard table(to) == nil else { throw fail("table '\(to)' already exists") }
            try withTable(from) { t in t.name = to }
            renameInDefinitions(from, to: to)
            for i in tables.indices {
                for f in tables[i].foreignKeys.indices where tables[i].foreignKeys[f].referencedTable == from {
                    tables[i].foreignKeys[f].referencedTable = to
                }
            }
        case .renameColumn(let name, let from, let to):
            try withTable(name) { t in
                guard t.column(to) == nil else { throw fail("column '\(name).\(to)' already exists") }
                guard t.column(from) != nil else { throw fail("column '\(name).\(from)' does not exist") }
                t.renameColumn(from, to: to)
            }
            for i in tables.indices {
                for f in tables[i].foreignKeys.indices where tables[i].foreignKeys[f].referencedTable == name {
                    tables[i].foreignKeys[f].referencedColumns = tables[i].foreignKeys[f].referencedColumns.map { $0 == from ? to : $0 }
                }
            }
        case .renameIndex(let name, let from, let to):
            try withTable(name) { t in
                guard let i = t.indexes.firstIndex(where: { $0.name == from }) else { throw fail("index '\(from)' does not exist") }
                t.indexes[i].name = to
            }
        case .renameConstraint(let name, let from, let to):
            try withTable(name) { t in
                guard t.constraints.contains(where: { $0.name == from }) else { throw fail("constraint '\(from)' does not exist on '\(name)'") }
                t.renameConstraint(from, to: to)
            }
        case .renameEnumType(let from, let to):
            mapEnumColumns(named: from) { _, values in (to, values) }
        case .renameEnumValue(let type, let from, let to, let columns):
            mapEnumColumns(named: type) { name, values in (name, values.map { $0 == from ? to : $0 }) }
            // A default naming the value follows it (PostgreSQL stores the value itself, not its label).
            for ref in columns {
                guard let t = tableIndex(ref.table), let c = tables[t].columns.firstIndex(where: { $0.name == ref.column }) else { continue }
                if tables[t].columns[c].defaultValue == .string(from) { tables[t].columns[c].defaultValue = .string(to) }
            }
        case .createEnumType(let e):
            // Listed even while columns use it: it then outlives their drop.
            enums.removeAll { $0.name == e.name }
            enums.append(e)
        case .dropEnumType(let e):
            enums.removeAll { $0.name == e.name }
        case .addEnumValue(let type, let value, let before, let after):
            let add: ([String]) -> [String] = { values in
                guard !values.contains(value) else { return values }
                var v = values
                if let before, let i = v.firstIndex(of: before) { v.insert(value, at: i) }
                else if let after, let i = v.firstIndex(of: after) { v.insert(value, at: i + 1) }
                else { v.append(value) }
                return v
            }
            mapEnumColumns(named: type) { name, values in (name, add(values)) }
            for i in enums.indices where enums[i].name == type { enums[i].values = add(enums[i].values) }
        case .replaceEnumType(let from, let to):
            mapEnumColumns(named: from.name) { _, _ in (to.name, to.values) }
        case .createSequence(let s):
            guard sequence(s.name) == nil else { throw fail("sequence '\(s.name)' already exists") }
            sequences.append(s)
        case .dropSequence(let s):
            sequences.removeAll { $0.name == s.name }
        case .alterSequence(let from, let to):
            guard let i = sequences.firstIndex(where: { $0.name == from.name }) else { throw fail("sequence '\(from.name)' does not exist") }
            sequences[i] = to
        case .setIndexComment(let name, let index, _, let to):
            try withTable(name) { t in
                guard let i = t.indexes.firstIndex(where: { $0.name == index }) else { throw fail("index '\(index)' does not exist") }
                t.indexes[i].comment = to
            }
        case .validateConstraint(let name, let constraint):
            try withTable(name) { t in
                for i in t.foreignKeys.indices where t.foreignKeys[i].name == constraint { t.foreignKeys[i].notValid = false }
                for i in t.checks.indices where t.checks[i].name == constraint { t.checks[i].notValid = false }
            }
        case .createObject(let o):
            guard object(o.id) == nil else { throw fail("\(o.id) already exists") }
            add(o)
            var facts = catalog.dropped[o.id] ?? CatalogObject(o)
            facts.object = o
            catalog.objects[o.id] = facts
        case .dropObject(let o):
            guard object(o.id) != nil || catalog.objects[o.id] != nil else { throw fail("\(o.id) does not exist") }
            remove(o.id)
            catalog.remove(o.id)
        case .replaceObject(let from, let to), .recreateObject(let from, let to):
            guard object(from.id) != nil || catalog.objects[from.id] != nil else { throw fail("\(from.id) does not exist") }
            remove(from.id)
            add(to)
            // Grants, owner and the objects that depend on it stay (recreated ones are given them back).
            var kept = catalog.objects.removeValue(forKey: from.id) ?? CatalogObject(to)
            kept.object = to
            catalog.objects[to.id] = kept
        case .execute, .code, .backfill, .batchedUpdate, .expect:
            break
        }
        catalog.follow(operation)

    }
}

extension Schema {
    /// Rewrites the enum type of every column that uses the enum `name`.
    mutating func mapEnumColumns(named name: String, _ change: (String, [String]) -> (String, [String])) {
        for t in tables.indices {
            for c in tables[t].columns.indices {
                guard case .enumeration(let n, let values) = tables[t].columns[c].type, n == name else { continue }
                let (newName, newValues) = change(n, values)
                tables[t].columns[c].type = .enumeration(newName, newValues)
            }
        }
        for i in enums.indices where enums[i].name == name {
            let (newName, newValues) = change(name, enums[i].values)
            enums[i] = EnumType(newName, newValues)
        }
    }
}

extension Schema {
    /// A renamed table's users name it by its new name afterwards: PostgreSQL's views refer to it by
    /// oid and print the new name; SQLite's `ALTER TABLE … RENAME TO` (with `legacy_alter_table`
    /// off, as Retort runs it) rewrites the views and triggers that name it. The schema value
    /// follows, so the views are not taken for changed, and a table rebuilt later in the same
    /// revision re-creates them as the database now has them.
    mutating func renameInDefinitions(_ from: String, to: String) {
        func renamed(_ text: String?) -> String? {
            guard let text, SQLText.mentions(text, from) else { return text }
            return SQLText.renamingIdentifier(in: text, from, to: to)
        }
        func renamed(_ v: View) -> View {
            var v = v
            v.query = renamed(v.query)
            for (d, q) in v.perDialect { v.perDialect[d] = renamed(q) }
            return v
        }
        func renamed(_ m: MaterializedView) -> MaterializedView {
            var m = m
            m.query = renamed(m.query) ?? m.query
            return m
        }
        func renamed(_ t: Trigger) -> Trigger {
            var t = t
            t.body = renamed(t.body)
            t.when = renamed(t.when)
            return t
        }
        views = views.map(renamed)
        materializedViews = materializedViews.map(renamed)
        for t in tables.indices { tables[t].triggers = tables[t].triggers.map(renamed) }
        // The catalog's copies too: a rebuild re-creates the dependents from them.
        for (id, var facts) in catalog.objects {
            switch facts.object {
            case .view(let v): facts.object = .view(renamed(v))
            case .materializedView(let m): facts.object = .materializedView(renamed(m))
            case .trigger(let table, let t): facts.object = .trigger(table: table, renamed(t))
            default: continue
            }
            catalog.objects[id] = facts
        }
    }
}

extension Table {
    /// Renames a column and every use of it in this table: keys, constraints, indexes, expressions.
    mutating func renameColumn(_ from: String, to: String) {
        func swap(_ names: [String]) -> [String] { names.map { $0 == from ? to : $0 } }
        for c in columns.indices where columns[c].name == from { columns[c].name = to }
        if var pk = primaryKey {
            pk.columns = swap(pk.columns)
            primaryKey = pk
        }
        for u in uniqueConstraints.indices { uniqueConstraints[u].columns = swap(uniqueConstraints[u].columns) }
        for f in foreignKeys.indices {
            foreignKeys[f].columns = swap(foreignKeys[f].columns)
            if foreignKeys[f].referencedTable == name { foreignKeys[f].referencedColumns = swap(foreignKeys[f].referencedColumns) }
        }
        for c in checks.indices { checks[c].expression = SQLText.renamingIdentifier(in: checks[c].expression, from, to: to) }
        for c in columns.indices {
            if let e = columns[c].generated?.expression { columns[c].generated?.expression = SQLText.renamingIdentifier(in: e, from, to: to) }
        }
        for i in indexes.indices {
            indexes[i].keys = indexes[i].keys.map { key in
                switch key {
                case .column(let c): return .column(c == from ? to : c)
                case .expression(let e): return .expression(SQLText.renamingIdentifier(in: e, from, to: to))
                }
            }
            indexes[i].predicate = indexes[i].predicate.map { SQLText.renamingIdentifier(in: $0, from, to: to) }
            indexes[i].include = swap(indexes[i].include)
        }
        triggers = triggers.map { $0.renamingColumn(from, to: to) }
        policies = policies.map { $0.renamingColumn(from, to: to) }
    }

    /// Renames the table-level constraint called `from`.
    mutating func renameConstraint(_ from: String, to: String) {
        if primaryKey?.name == from { primaryKey?.name = to }
        for i in uniqueConstraints.indices where uniqueConstraints[i].name == from { uniqueConstraints[i].name = to }
        for i in foreignKeys.indices where foreignKeys[i].name == from { foreignKeys[i].name = to }
        for i in checks.indices where checks[i].name == from { checks[i].name = to }
    }

    /// Removes the table-level constraint with this name.
    public mutating func removeConstraint(named name: String) {
        if primaryKey?.name == name { primaryKey = nil }
        uniqueConstraints.removeAll { $0.name == name }
        foreignKeys.removeAll { $0.name == name }
        checks.removeAll { $0.name == name }
    }
}

extension Table {
    /// The unique index a unique key or primary key takes over when it is added: the table's
    /// index with the constraint's name, unique, plain, on the same columns.
    func indexKeptBy(_ constraint: Constraint) -> Index? {
        let columns: [String]
        switch constraint {
        case .unique(let u): columns = u.columns
        case .primaryKey(let pk): columns = pk.columns
        default: return nil
        }
        guard let name = constraint.name else { return nil }
        return indexes.first { $0.name == name && $0.unique && $0.predicate == nil && $0.isColumnsOnly && $0.columns == columns }
    }
}

extension Trigger {
    /// The trigger after its table's column `from` was renamed: its condition and `UPDATE OF` list
    /// name the new column, as the database prints them.
    func renamingColumn(_ from: String, to: String) -> Trigger {
        var t = self
        t.when = t.when.map { SQLText.renamingIdentifier(in: $0, from, to: to) }
        t.updateOf = t.updateOf.map { $0 == from ? to : $0 }
        return t
    }
}

extension Policy {
    /// The policy after its table's column `from` was renamed.
    func renamingColumn(_ from: String, to: String) -> Policy {
        var p = self
        p.using = p.using.map { SQLText.renamingIdentifier(in: $0, from, to: to) }
        p.withCheck = p.withCheck.map { SQLText.renamingIdentifier(in: $0, from, to: to) }
        return p
    }
}
