extension Planner {
    /// Objects beside the tables (views), one group each, placed by the catalog's dependency graph:
    /// drops before the tables change, each before the objects it uses (the database's graph);
    /// creations and replacements after the tables change, each after the objects it uses (the
    /// models' graph, read from the scratch schema they were canonicalized in). Ties keep the
    /// models' order, then the database's, then names.
    ///
    /// An object replaced while a table it uses changes in the same plan cannot stay through the
    /// change in its old form (its old query may use a column that goes): it is dropped before
    /// and created after, and so are the objects that use it.
    static func placeObjects(
        _ ops: [MigrationOperation], changingTables: Set<String>, renamedFrom: [String: String], current: Schema, target: Schema
    ) -> (drops: [PlannedGroup], creates: [PlannedGroup], around: ObjectsAround?) {
        // The database's graph knows a renamed table by its old name.
        let newName = Dictionary(renamedFrom.map { ($1, $0) }) { a, _ in a }
        let changingTables = changingTables.union(changingTables.compactMap { renamedFrom[$0] })
        // Objects replaced while a table they use changes, and everything that uses them.
        var split = Set<ObjectID>()
        for op in ops {
            if case .replaceObject(let from, _) = op, uses(from.id, changingTables, current) { split.insert(from.id) }
            if case .recreateObject(let from, _) = op, uses(from.id, changingTables, current) { split.insert(from.id) }
        }
        for id in split.sorted() { split.formUnion(current.catalog.dependents(of: id)) }
        var drops: [MigrationOperation] = [], creates: [MigrationOperation] = []
        var planned = Set<ObjectID>()
        // Drops run before the tables' renames: they carry the object as the database has it then
        // (the difference speaks in the new names, and a downgrade creates from what was dropped).
        func asBefore(_ o: SchemaObject) -> SchemaObject { current.object(o.id) ?? o }
        for op in ops {
            switch op {
            case .replaceObject(let from, let to), .recreateObject(let from, let to):
                planned.insert(from.id)
                guard split.contains(from.id) else {
                    creates.append(op)
                    continue
                }
                drops.append(.dropObject(asBefore(from)))
                creates.append(.createObject(to))
            case .dropObject(let o):
                planned.insert(o.id)
                drops.append(.dropObject(asBefore(o)))
            case .createObject, .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
                .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
                .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
                .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence,
                .dropSequence, .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect,
                .execute, .code:
                creates.append(op)
            }
        }
        // What uses a split object and does not change goes and comes back with it.
        for id in split.sorted() where !planned.contains(id) {
            guard let old = current.object(id), let new = target.object(id) else { continue }
            drops.append(.dropObject(old))
            creates.append(.createObject(new))
        }
        let names = target.objects.map(\.id) + current.objects.map(\.id) + (drops + creates).compactMap(\.object).sorted()
        let rank = Dictionary(names.map(\.description).enumerated().map { ($1, $0) }) { a, _ in a }
        func groups(_ ops: [MigrationOperation], edges: [ObjectDependency], usedFirst: Bool) -> [PlannedGroup] {
            graphOrder(ops, edges: edges, usedFirst: usedFirst, rank: rank).map { PlannedGroup(table: nil, object: $0.object, operations: [$0]) }
        }
        let dropGroups = groups(drops, edges: current.catalog.dependencies, usedFirst: false)
        let createGroups = groups(creates, edges: target.catalog.dependencies, usedFirst: true)
        guard !split.isEmpty else { return (dropGroups, createGroups, nil) }
        // The split objects go and come back in the revision of the tables they use, so that
        // no revision boundary leaves them missing and they keep their grants (see `ObjectsAround`).
        func isSplit(_ g: PlannedGroup) -> Bool { g.object.map(split.contains) ?? false }
        // The tables they use before and after: a view moved to another table is created after
        // that table's changes (a column it names may be renamed there).
        let tables = Set(Set((current.catalog.dependencies + target.catalog.dependencies)
            .filter { split.contains($0.dependent) && $0.referenced.kind == .table }.map(\.referenced.name)).intersection(changingTables)
            .map { newName[$0] ?? $0 })
        let around = ObjectsAround(
            drops: dropGroups.filter(isSplit).flatMap(\.operations), creates: createGroups.filter(isSplit).flatMap(\.operations),
            tables: tables)
        return (dropGroups.filter { !isSplit($0) }, createGroups.filter { !isSplit($0) }, around)
    }

    /// The operations with those on objects (types that use types) in the graph's order: each
    /// created after what it uses (`usedFirst`) or dropped before it; the others keep their places
    /// before them, in their order.
    static func byGraph(_ ops: [MigrationOperation], edges: [ObjectDependency], usedFirst: Bool) -> [MigrationOperation] {
        let others = ops.filter { $0.object == nil }
        let objects = ops.filter { $0.object != nil }
        guard objects.count > 1 else { return ops }
        let rank = Dictionary(objects.enumerated().map { ($1.object!.description, $0) }) { a, _ in a }
        let order = graphOrder(objects, edges: edges, usedFirst: usedFirst, rank: rank)
        return usedFirst ? others + order : order + others
    }

    /// Operations on objects (one per object) ordered by the graph: each after the objects it uses
    /// (`usedFirst`, for creating) or before them (for dropping); ties by `rank`.
    static func graphOrder(_ ops: [MigrationOperation], edges: [ObjectDependency], usedFirst: Bool, rank: [String: Int])
        -> [MigrationOperation]
    {
        let byID = Dictionary(ops.map { ($0.object!.description, $0) }) { a, _ in a }
        var needs: [String: Set<String>] = [:]
        for e in edges where byID[e.dependent.description] != nil && byID[e.referenced.description] != nil {
            let (waiting, first) = usedFirst ? (e.dependent, e.referenced) : (e.referenced, e.dependent)
            needs[waiting.description, default: []].insert(first.description)
        }
        return topologicalOrder(Array(byID.keys), rank: rank, dependencies: { needs[$0] ?? [] }, breakCycle: { _, _ in [] })
            .map { byID[$0]! }
    }

    /// True when the object (as the database has it) uses one of the tables.
    private static func uses(_ id: ObjectID, _ tables: Set<String>, _ current: Schema) -> Bool {
        current.catalog.dependencies.contains { $0.dependent == id && $0.referenced.kind == .table && tables.contains($0.referenced.name) }
    }
}

/// Objects that must be dropped before some tables change and created after, in the same
/// revision as the change: the planner puts the tables' operations and these into one group.
struct ObjectsAround {
    /// The drops, in order (each before what it uses).
    var drops: [MigrationOperation]
    /// The creations, in order (each after what it uses).
    var creates: [MigrationOperation]
    /// The changing tables the objects use.
    var tables: Set<String>

    /// The plan's groups with the tables' groups and the objects in one group, where the last of
    /// the tables' groups was.
    func merge(into groups: [PlannedGroup]) -> [PlannedGroup] {
        let members = groups.indices.filter { groups[$0].table.map(tables.contains) ?? false }
        // No such group (not expected): the objects still go and come back, around the whole plan.
        guard let last = members.last else {
            return (drops.isEmpty ? [] : [PlannedGroup(table: nil, operations: drops)]) + groups
                + (creates.isEmpty ? [] : [PlannedGroup(table: nil, operations: creates)])
        }
        let merged = PlannedGroup(
            table: groups[members[0]].table, operations: drops + members.flatMap { groups[$0].operations } + creates)
        var out: [PlannedGroup] = []
        for (i, g) in groups.enumerated() {
            if i == last { out.append(merged) } else if !members.contains(i) { out.append(g) }
        }
        return out
    }
}
