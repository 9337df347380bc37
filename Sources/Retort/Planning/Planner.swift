/// The operations of one table (or the foreign keys that close a cycle), in the order they run.
public struct PlannedGroup: Hashable, Sendable {
    /// The table these operations change; nil for the group of cycle-closing foreign keys.
    public var table: String?
    public var operations: [MigrationOperation]
}

/// A dependency-ordered plan: groups in an order where each applies after what it depends on.
public struct Plan: Hashable, Sendable {
    public var groups: [PlannedGroup]
    /// Every operation, group after group.
    public var operations: [MigrationOperation] { groups.flatMap(\.operations) }
}

/// Orders operations by dependency: per table, referenced tables first, drops last in reverse;
/// foreign keys that form a cycle are detached and added at the end.
public struct Planner: Sendable {
    /// A planner.
    public init() {}

    /// Orders `operations`, which turn `current` into `target`.
    public func plan(_ operations: [MigrationOperation], current: Schema, target: Schema) -> Plan {
        var byTable: [String: [MigrationOperation]] = [:]
        var loose: [MigrationOperation] = []
        for op in operations {
            if let t = op.tableName { byTable[t, default: []].append(op) } else { loose.append(op) }
        }
        let dropped = Set(byTable.compactMap { name, ops in ops.contains { if case .dropTable = $0 { true } else { false } } ? name : nil })
        // Tables in model order, then any others by name: the tie-break that makes plans deterministic.
        let rank = Dictionary(
            (target.tables.map(\.name) + current.tables.map(\.name) + byTable.keys.sorted()).enumerated().map { ($1, $0) }
        ) { a, _ in a }
        let changing = byTable.keys.filter { !dropped.contains($0) }.sorted { rank[$0]! < rank[$1]! }
        let dropping = dropped.sorted { rank[$0]! < rank[$1]! }

        var groups: [PlannedGroup] = []
        var cycleClosers: [MigrationOperation] = []

        // Created and altered tables: a table comes after the tables its new foreign keys reference.
        var pending = changing
        var ops = byTable
        while !pending.isEmpty {
            let pendingSet = Set(pending)
            if let next = pending.first(where: { t in Self.newReferences(ops[t]!).allSatisfy { $0 == t || !pendingSet.contains($0) } }) {
                groups.append(PlannedGroup(table: next, operations: Self.ordered(ops[next]!)))
                pending.removeAll { $0 == next }
                continue
            }
            // A cycle: detach the first table's keys to tables still pending and add them at the end.
            let t = pending[0]
            var detached: [MigrationOperation] = []
            ops[t] = ops[t]!.map { op in
                switch op {
                case .createTable(var table):
                    let cyclic = table.foreignKeys.filter { $0.referencedTable != t && pendingSet.contains($0.referencedTable) }
                    table.foreignKeys.removeAll { cyclic.contains($0) }
                    detached += cyclic.map { .addConstraint(table: t, constraint: .foreignKey($0)) }
                    return .createTable(table)
                default:
                    return op
                }
            }.filter { op in
                if case .addConstraint(_, .foreignKey(let fk)) = op, fk.referencedTable != t, pendingSet.contains(fk.referencedTable) {
                    detached.append(op)
                    return false
                }
                return true
            }
            cycleClosers += detached
        }

        // Dropped tables: a table goes before the dropped tables it references.
        pending = dropping
        while !pending.isEmpty {
            let pendingSet = Set(pending)
            func referencedDropped(_ t: String) -> [String] {
                (current.table(t)?.foreignKeys ?? []).map(\.referencedTable).filter { $0 != t && pendingSet.contains($0) }
            }
            let next = pending.first { t in !pending.contains { other in other != t && referencedDropped(other).contains(t) } }
            if let next {
                groups.append(PlannedGroup(table: next, operations: Self.ordered(ops[next]!)))
                pending.removeAll { $0 == next }
                continue
            }
            // A cycle among dropped tables: drop the first table's cyclic keys before the table itself.
            let t = pending[0]
            ops[t] = ops[t]!.flatMap { op -> [MigrationOperation] in
                guard case .dropTable(var table) = op else { return [op] }
                let cyclic = table.foreignKeys.filter { $0.referencedTable != t && pendingSet.contains($0.referencedTable) }
                table.foreignKeys.removeAll { cyclic.contains($0) }
                return cyclic.map { .dropConstraint(table: t, constraint: .foreignKey($0)) } + [.dropTable(table)]
            }
            groups.append(PlannedGroup(table: t, operations: ops[t]!))
            pending.removeFirst()
        }

        if !cycleClosers.isEmpty { groups.append(PlannedGroup(table: nil, operations: cycleClosers)) }
        if !loose.isEmpty { groups.append(PlannedGroup(table: nil, operations: loose)) }
        return Plan(groups: groups)
    }

    /// Tables that the foreign keys these operations create point to.
    static func newReferences(_ ops: [MigrationOperation]) -> [String] {
        ops.flatMap { op -> [String] in
            switch op {
            case .createTable(let t): return t.foreignKeys.map(\.referencedTable)
            case .addConstraint(_, .foreignKey(let fk)): return [fk.referencedTable]
            default: return []
            }
        }
    }

    /// One table's operations: drops of what uses columns first, then columns, then what uses them.
    static func ordered(_ ops: [MigrationOperation]) -> [MigrationOperation] {
        func rank(_ op: MigrationOperation) -> Int {
            switch op {
            case .dropConstraint(_, .foreignKey): return 0
            case .dropIndex: return 1
            case .dropConstraint: return 2
            case .dropColumn: return 3
            case .createTable: return 4
            case .addColumn: return 5
            case .alterColumn: return 6
            case .setTableComment: return 7
            case .addConstraint(_, .foreignKey): return 10
            case .addConstraint: return 8
            case .createIndex: return 9
            case .dropTable: return 11
            case .execute, .code: return 12
            }
        }
        return ops.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}
