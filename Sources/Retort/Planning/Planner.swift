/// Orders operations by dependency: per table, referenced tables first, drops last in reverse;
/// foreign keys that form a cycle are detached and added at the end. Ties keep model order,
/// so the same input always gives the same plan.
public struct Planner: Sendable {
    /// A planner.
    public init() {}

    /// Orders `operations`, which turn `current` into `target`.
    public func plan(_ operations: [MigrationOperation], current: Schema, target: Schema) -> Plan {
        var byTable: [String: [MigrationOperation]] = [:]
        var loose: [MigrationOperation] = []
        // Enum renames come first: the tables' own operations already use the new names.
        var enumRenames: [MigrationOperation] = []
        // Types and sequences are created (and enum values added) in a revision before the tables
        // that use them, and dropped in one after them.
        var objectsBefore: [MigrationOperation] = [], objectsAfter: [MigrationOperation] = []
        // Foreign keys into a key or column that changes are dropped before any table changes.
        let changingKeys = Set(operations.compactMap { op -> String? in
            switch op {
            case .dropConstraint(let t, .primaryKey), .dropConstraint(let t, .unique), .alterColumn(let t, _, _), .dropColumn(let t, _): return t
            case .dropIndex(let t, let i) where i.unique: return t
            case .createTable, .dropTable, .addColumn, .createIndex, .dropIndex, .createIndexConcurrently,
                .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions,
                .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType, .renameEnumValue,
                .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence, .dropSequence,
                .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute,
                .code, .createObject, .dropObject, .replaceObject, .recreateObject: return nil
            }
        })
        // Renames run in the tables' own revisions, after the detached keys are dropped: those drops
        // name the keys as the database has them then (the difference speaks in the new names).
        var oldTable: [String: String] = [:], oldColumn: [String: [String: String]] = [:], oldConstraint: [String: [String: String]] = [:]
        for op in operations {
            switch op {
            case .renameTable(let from, let to): oldTable[to] = from
            case .renameColumn(let t, let from, let to): oldColumn[t, default: [:]][to] = from
            case .renameConstraint(let t, let from, let to): oldConstraint[t, default: [:]][to] = from
            default: break
            }
        }
        func asBefore(_ t: String, _ fk: ForeignKey) -> MigrationOperation {
            var fk = fk
            fk.name = fk.name.map { oldConstraint[t]?[$0] ?? $0 }
            fk.columns = fk.columns.map { oldColumn[t]?[$0] ?? $0 }
            fk.referencedColumns = fk.referencedColumns.map { oldColumn[fk.referencedTable]?[$0] ?? $0 }
            fk.referencedTable = oldTable[fk.referencedTable] ?? fk.referencedTable
            return .dropConstraint(table: oldTable[t] ?? t, constraint: .foreignKey(fk))
        }
        var detached: [MigrationOperation] = []
        var objectOps: [MigrationOperation] = []
        let usedNow = Self.usedByTables(current), usedThen = Self.usedByTables(target)
        let droppedTables = Set(operations.compactMap { op -> String? in if case .dropTable(let t) = op { t.name } else { nil } })
        // And foreign keys into a table renamed, or whose columns are: dropped first, they name it
        // as the database does then, whichever revision renames it.
        let renamedTables = Set(oldTable.keys).union(oldColumn.keys)
        for var op in operations {
            if case .dropConstraint(let t, .foreignKey(let fk)) = op, fk.referencedTable != t,
                changingKeys.contains(fk.referencedTable) || renamedTables.contains(fk.referencedTable)
            {
                detached.append(asBefore(t, fk))
                continue
            }
            // So are a dropped table's keys into a table that stays and changes (the table goes last).
            if case .dropTable(var table) = op {
                let into = table.foreignKeys.filter {
                    $0.referencedTable != table.name && changingKeys.contains($0.referencedTable) && !droppedTables.contains($0.referencedTable)
                }
                detached += into.map { asBefore(table.name, $0) }
                table.foreignKeys.removeAll { into.contains($0) }
                op = .dropTable(table)
            }
            // Objects tables use (domains; a function a default or trigger calls) exist before the
            // tables change and go after them; the others (views) are placed by the graph.
            if let id = op.object {
                if let table = op.tableName {
                    // What hangs off a table goes in the table's revision.
                    byTable[table, default: []].append(op)
                } else if case .dropObject = op {
                    if usedNow.contains(id) { objectsAfter.append(op) } else { objectOps.append(op) }
                } else if usedThen.contains(id) {
                    objectsBefore.append(op)
                } else {
                    objectOps.append(op)
                }
                continue
            }
            switch (op, Self.objectPhase(op)) {
            case (.renameEnumType, _), (.renameEnumValue, _): enumRenames.append(op)
            case (_, .before?): objectsBefore.append(op)
            case (_, .after?): objectsAfter.append(op)
            default: if let t = op.tableName { byTable[t, default: []].append(op) } else { loose.append(op) }
            }
        }
        // A trigger that moves to another table under its name: SQLite's trigger names are the
        // schema's, so the old one goes before any table changes (the new one comes with its table),
        // dropped on its own even when its table goes too (a dropped table goes last), and on its
        // table as the database names it then (before the renames).
        let createdTriggers = Set(operations.flatMap { op -> [String] in
            switch op {
            case .createObject(.trigger(let table, let t)): return ["\(table)\u{0}\(t.name)"]
            case .createTable(let table): return table.triggers.map { "\(table.name)\u{0}\($0.name)" }
            default: return []
            }
        })
        let createdTriggerNames = Set(createdTriggers.map { $0.split(separator: "\u{0}").last.map(String.init) ?? "" })
        func moves(_ table: String, _ trigger: String) -> Bool {
            createdTriggerNames.contains(trigger) && !createdTriggers.contains("\(table)\u{0}\(trigger)")
        }
        for (table, ops) in byTable.sorted(by: { $0.key < $1.key }) {
            var kept: [MigrationOperation] = []
            for op in ops {
                switch op {
                case .dropObject(.trigger(let from, let t)) where moves(from, t.name):
                    detached.append(.dropObject(.trigger(table: oldTable[from] ?? from, t)))
                case .dropTable(var dropped) where dropped.triggers.contains { moves(dropped.name, $0.name) }:
                    let going = dropped.triggers.filter { moves(dropped.name, $0.name) }
                    detached += going.map { .dropObject(.trigger(table: dropped.name, $0)) }
                    dropped.triggers.removeAll { going.contains($0) }
                    kept.append(.dropTable(dropped))
                default:
                    kept.append(op)
                }
            }
            byTable[table] = kept.isEmpty ? nil : kept
        }
        Self.placeRevisionState(&objectsBefore, &objectsAfter, into: &byTable, current: current, target: target)
        objectsBefore = Self.byGraph(objectsBefore, edges: target.catalog.dependencies, usedFirst: true)
        objectsAfter = Self.byGraph(objectsAfter, edges: current.catalog.dependencies, usedFirst: false)
        let (objectDrops, objectCreates, around) = Self.placeObjects(
            objectOps, changingTables: Set(byTable.keys), renamedFrom: oldTable, current: current, target: target)
        let dropped = Set(byTable.compactMap { name, ops in ops.contains { if case .dropTable = $0 { true } else { false } } ? name : nil })
        // Model order, then the database's, then by name: the tie-break that makes plans deterministic.
        let rank = Dictionary(
            (target.tables.map(\.name) + current.tables.map(\.name) + byTable.keys.sorted()).enumerated().map { ($1, $0) }
        ) { a, _ in a }
        let changing = byTable.keys.filter { !dropped.contains($0) }.sorted { rank[$0]! < rank[$1]! }
        let dropping = dropped.sorted { rank[$0]! < rank[$1]! }
        var ops = byTable
        var groups: [PlannedGroup] = enumRenames.isEmpty ? [] : [PlannedGroup(table: nil, operations: enumRenames)]
        if !objectsBefore.isEmpty { groups.append(PlannedGroup(table: nil, operations: objectsBefore)) }
        if !detached.isEmpty { groups.append(PlannedGroup(table: nil, operations: detached)) }
        groups += objectDrops
        var cycleClosers: [MigrationOperation] = []

        // Created and altered tables come after the tables their new foreign keys reference.
        let created = Self.topologicalOrder(changing, rank: rank, dependencies: { t in
            Set(Self.newReferences(ops[t]!).filter { $0 != t })
        }, breakCycle: { t, pending in
            var detached: [MigrationOperation] = []
            defer { cycleClosers += detached }
            ops[t] = ops[t]!.compactMap { op in
                switch op {
                case .createTable(var table):
                    let cyclic = table.foreignKeys.filter { $0.referencedTable != t && pending.contains($0.referencedTable) }
                    table.foreignKeys.removeAll { cyclic.contains($0) }
                    detached += cyclic.map { .addConstraint(table: t, constraint: .foreignKey($0)) }
                    return .createTable(table)
                case .addConstraint(_, .foreignKey(let fk)) where fk.referencedTable != t && pending.contains(fk.referencedTable):
                    detached.append(op)
                    return nil
                case .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex, .createIndexConcurrently,
                    .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions,
                    .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType, .renameEnumValue,
                    .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence, .dropSequence,
                    .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute, .code,
                    .createObject, .dropObject, .replaceObject, .recreateObject:
                    return op
                }
            }
            return detached.compactMap { op in
                if case .addConstraint(_, .foreignKey(let fk)) = op { (t, fk.referencedTable) } else { nil }
            }
        })
        groups += created.map { PlannedGroup(table: $0, operations: Self.ordered(ops[$0]!)) }

        // Dropped tables go before the dropped tables they reference (the reverse of creation).
        let currentByName = Dictionary(current.tables.map { ($0.name, $0) }) { a, _ in a }
        let droppedSet = Set(dropping)
        var referencedBy: [String: Set<String>] = [:]
        for t in dropping {
            for fk in currentByName[t]?.foreignKeys ?? [] where fk.referencedTable != t && droppedSet.contains(fk.referencedTable) {
                referencedBy[fk.referencedTable, default: []].insert(t)
            }
        }
        var cycleOpeners: [MigrationOperation] = []
        let dropOrder = Self.topologicalOrder(dropping, rank: rank, dependencies: { referencedBy[$0] ?? [] }, breakCycle: { t, pending in
            // Drop this table's keys into the cycle before any table goes; the tables they pointed to
            // then no longer wait for it.
            var removed: [(String, String)] = []
            ops[t] = ops[t]!.map { op in
                guard case .dropTable(var table) = op else { return op }
                let cyclic = table.foreignKeys.filter { $0.referencedTable != t && pending.contains($0.referencedTable) }
                table.foreignKeys.removeAll { cyclic.contains($0) }
                cycleOpeners += cyclic.map { .dropConstraint(table: t, constraint: .foreignKey($0)) }
                removed += cyclic.map { ($0.referencedTable, t) }
                return .dropTable(table)
            }
            return removed
        })
        if !cycleOpeners.isEmpty { groups.append(PlannedGroup(table: nil, operations: cycleOpeners)) }
        groups += dropOrder.map { PlannedGroup(table: $0, operations: Self.ordered(ops[$0]!)) }

        if !cycleClosers.isEmpty { groups.append(PlannedGroup(table: nil, operations: cycleClosers)) }
        groups += objectCreates
        if !loose.isEmpty { groups.append(PlannedGroup(table: nil, operations: loose)) }
        if !objectsAfter.isEmpty { groups.append(PlannedGroup(table: nil, operations: objectsAfter)) }
        return Plan(groups: around?.merge(into: groups) ?? groups)
    }

    /// Moves what exists only in the schema a revision is rendered against, not in the database,
    /// into the revisions of the tables it concerns (each revision starts from the database as it
    /// is read):
    /// - an enum type listed as an object of its own while columns use it (`createEnumType` of a
    ///   type that exists: the last column's drop then keeps it) goes with each table whose columns
    ///   stop using it; a type that stops being listed because columns start using it
    ///   (`dropEnumType` of a type the target uses: its downgrade lists it again) goes with each
    ///   table whose columns start using it;
    /// - a new sequence owned by a column that does not exist yet is created in the revision that
    ///   adds the column, which then sets the owner (a sequence without owner or user is not read).
    static func placeRevisionState(
        _ before: inout [MigrationOperation], _ after: inout [MigrationOperation], into byTable: inout [String: [MigrationOperation]],
        current: Schema, target: Schema
    ) {
        func uses(_ table: Table?, _ type: String) -> Bool {
            table?.columns.contains { if case .enumeration(type, _) = $0.type { true } else { false } } ?? false
        }
        let tables = byTable.keys.sorted()
        var kept: [MigrationOperation] = []
        for op in before {
            switch op {
            case .createEnumType(let e) where current.allEnumTypes[e.name] != nil:
                let users = tables.filter { uses(current.table($0), e.name) && !uses(target.table($0), e.name) }
                guard !users.isEmpty else { break }
                for t in users { byTable[t]!.append(op) }
                continue
            case .createSequence(let s):
                guard let owner = s.ownedBy, current.table(owner.table)?.column(owner.column) == nil, byTable[owner.table] != nil else { break }
                byTable[owner.table]!.append(op)
                continue
            case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
                .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
                .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
                .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .dropSequence,
                .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute, .code,
                .createObject, .dropObject, .replaceObject, .recreateObject:
                break
            }
            kept.append(op)
        }
        before = kept
        after = after.filter { op in
            guard case .dropEnumType(let e) = op, target.enumTypes()[e.name] != nil else { return true }
            let users = tables.filter { uses(target.table($0), e.name) && !uses(current.table($0), e.name) }
            for t in users { byTable[t]!.append(op) }
            return users.isEmpty
        }
    }

    /// The objects tables use: kinds tables always use (domains, composite types) and, by the
    /// graph, what a table (a default, check, index, trigger or policy) or such an object uses, directly
    /// or through others.
    static func usedByTables(_ schema: Schema) -> Set<ObjectID> {
        var used = Set(schema.objects.map(\.id).filter(\.kind.usedByTables))
        let edges = schema.catalog.dependencies.filter { $0.referenced.kind != .table && $0.referenced.kind != .view }
        var grew = true
        while grew {
            grew = false
            for e in edges where (e.dependent.kind == .table || e.dependent.kind.belongsToTable || used.contains(e.dependent))
                && !used.contains(e.referenced)
            {
                used.insert(e.referenced)
                grew = true
            }
        }
        return used
    }

    /// When a schema-level operation runs relative to the tables' changes.
    enum ObjectPhase { case before, after }

    static func objectPhase(_ op: MigrationOperation) -> ObjectPhase? {
        switch op {
        // A rebuilt enum type comes first when columns may start using a value it gains, last when it
        // only loses or moves values (so the columns have let go of them; reversed, they come back first).
        case .replaceEnumType(let from, let to): return to.values.allSatisfy(from.values.contains) ? .after : .before
        case .createEnumType, .addEnumValue, .createSequence, .alterSequence: return .before
        case .dropEnumType, .dropSequence: return .after
        case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
            .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
            .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
            .renameEnumValue, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute,
            .code: return nil
        // What tables use (a domain) exists before they change and goes after them.
        case .createObject(let o), .replaceObject(_, let o), .recreateObject(_, let o): return o.id.kind.usedByTables ? .before : nil
        case .dropObject(let o): return o.id.kind.usedByTables ? .after : nil
        }
    }

    /// Kahn's algorithm, lowest rank first. When only cycles remain, `breakCycle` is called for the
    /// lowest-ranked pending node and returns the (waiting node, dependency) edges it removed.
    static func topologicalOrder(
        _ nodes: [String], rank: [String: Int], dependencies: (String) -> Set<String>,
        breakCycle: (String, Set<String>) -> [(String, String)]
    ) -> [String] {
        var pending = Set(nodes)
        var waitingOn: [String: Set<String>] = [:]
        var dependents: [String: [String]] = [:]
        for n in nodes {
            let deps = dependencies(n).intersection(pending)
            waitingOn[n] = deps
            for d in deps { dependents[d, default: []].append(n) }
        }
        // `ready` is kept sorted by descending rank, so the next node is its last element.
        var ready = nodes.filter { waitingOn[$0]!.isEmpty }.sorted { rank[$0]! > rank[$1]! }
        func makeReady(_ n: String) {
            let r = rank[n]!
            var lo = 0, hi = ready.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if rank[ready[mid]]! > r { lo = mid + 1 } else { hi = mid }
            }
            ready.insert(n, at: lo)
        }
        var order: [String] = []
        while !pending.isEmpty {
            guard let next = ready.popLast() else {
                let stuck = pending.min { rank[$0]! < rank[$1]! }!
                for (waiter, dependency) in breakCycle(stuck, pending) where waitingOn[waiter]?.contains(dependency) == true {
                    waitingOn[waiter]!.remove(dependency)
                    if waitingOn[waiter]!.isEmpty { makeReady(waiter) }
                }
                if ready.isEmpty {  // nothing was freed: go on with the stuck node regardless
                    waitingOn[stuck] = []
                    makeReady(stuck)
                }
                continue
            }
            order.append(next)
            pending.remove(next)
            for m in dependents[next] ?? [] where pending.contains(m) && !waitingOn[m]!.isEmpty {
                waitingOn[m]!.remove(next)
                if waitingOn[m]!.isEmpty { makeReady(m) }
            }
        }
        return order
    }

    /// Tables that the foreign keys these operations create point to.
    static func newReferences(_ ops: [MigrationOperation]) -> [String] {
        ops.flatMap { op -> [String] in
            switch op {
            case .createTable(let t): return t.foreignKeys.map(\.referencedTable)
            case .addConstraint(_, .foreignKey(let fk)): return [fk.referencedTable]
            case .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex, .createIndexConcurrently,
                .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions,
                .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType, .renameEnumValue,
                .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence, .dropSequence,
                .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute,
                .code, .createObject, .dropObject, .replaceObject, .recreateObject: return []
            }
        }
    }

    /// One table's operations: its renames, then drops of what uses columns, then columns (a new
    /// column before the old one it replaces, so a data step can sit between them), then what uses them.
    static func ordered(_ ops: [MigrationOperation]) -> [MigrationOperation] {
        let ops = splittingAttachments(ops)
        func rank(_ op: MigrationOperation) -> Double {
            switch op {
            case .renameEnumType, .renameEnumValue, .renameTable: return -3
            case .renameColumn: return -2
            case .renameIndex, .renameConstraint: return -1
            case .dropConstraint(_, .foreignKey): return 0
            case .dropIndex, .dropIndexConcurrently: return 1
            case .dropConstraint: return 2
            case .createTable: return 3
            // A new generated column is computed from its sources as they end up (retyped, backfilled).
            case .addColumn(_, let c) where c.generated != nil: return 6.6
            case .addColumn: return 4
            // A generated column goes before the columns it is computed from (and, reversed, comes back after them).
            case .dropColumn(_, let c) where c.generated != nil: return 4.5
            case .dropColumn: return 5
            case .backfill: return 6
            // A column that becomes generated is computed from its sources as they end up (backfilled, retyped).
            case .alterColumn(_, let from, let to) where to.generated != nil && to.generated != from.generated: return 6.5
            case .alterColumn: return 6
            case .setTableComment: return 7
            case .setRowLevelSecurity: return 7
            case .setSQLiteTableOptions: return 6
            case .addConstraint(_, .foreignKey): return 10
            case .addConstraint: return 8
            case .createIndex, .createIndexConcurrently: return 9
            case .dropTable: return 11
            case .execute, .code, .batchedUpdate, .expect: return 12
            case .setIndexComment: return 9
            case .validateConstraint: return 10
            case .replaceEnumType: return objectPhase(op) == .before ? -4 : 13
            case .createEnumType, .addEnumValue, .createSequence, .alterSequence: return -4
            case .dropEnumType, .dropSequence: return 13
            // What hangs off the table (a trigger, a policy) is named as the table is named after its renames.
            case .dropObject: return -0.5
            case .createObject, .replaceObject, .recreateObject: return 14
            }
        }
        return ops.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// A trigger, policy or exclusion constraint replaced while columns of its table change type or go cannot stay
    /// through the change in its old form (PostgreSQL re-creates it from its old text, typed for
    /// the old column, or refuses), and the derived downgrade, which mirrors the steps, would put the
    /// old form back before the column's old type is: it is dropped before the columns change and
    /// created after, so each direction creates it over the columns it is written for.
    static func splittingAttachments(_ ops: [MigrationOperation]) -> [MigrationOperation] {
        let changesColumns = ops.contains { op in
            switch op {
            case .alterColumn, .dropColumn: return true
            default: return false
            }
        }
        guard changesColumns else { return ops }
        return ops.flatMap { op -> [MigrationOperation] in
            switch op {
            // Not a partition: it holds rows.
            case .replaceObject(let from, let to) where from.id.kind.belongsToTable && from.id.kind != .partition,
                .recreateObject(let from, let to) where from.id.kind.belongsToTable && from.id.kind != .partition:
                return [.dropObject(from), .createObject(to)]
            default: return [op]
            }
        }
    }
}
