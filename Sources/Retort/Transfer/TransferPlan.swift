/// What a transfer copies: the tables in foreign-key order, each with its target definition, and
/// the foreign keys that form a cycle (dropped for the copy, added back and validated after).
struct TransferPlan {
    struct Item {
        /// The target table (its columns decide every conversion).
        var target: Table
        /// The source table, as the source database describes it.
        var source: Table
        /// The columns copied (present on both sides), in target order.
        var columns: [Column]
    }

    var items: [Item]
    /// Foreign keys in a cycle among the copied tables: (table, key).
    var cycleKeys: [(table: String, key: ForeignKey)]
    /// Copied tables that reach themselves through foreign keys (a cycle, or a key to the same
    /// table): a rejected row can make a row seen earlier in the copy order lose its parent.
    var recursive: Set<String>
    /// The source's tables, copied or not.
    var source: Schema

    /// Matches source and target tables; throws `TransferError` for anything that would lose data.
    init(source: Schema, target: Schema, only: [String]) throws {
        for name in only where target.table(name) == nil || source.table(name) == nil {
            let side = source.table(name) == nil ? "source" : "target"
            throw TransferError("there is no table '\(name)' in the \(side) database")
        }
        var names = only
        if names.isEmpty {
            for t in source.tables where target.table(t.name) == nil {
                throw TransferError(
                    "source table '\(t.name)' has no table in the target (its rows would be lost); add it to the models or choose tables with --table")
            }
            names = source.tables.map(\.name)
        }
        var items: [String: Item] = [:]
        for name in names {
            let s = source.table(name)!, t = target.table(name)!
            for c in s.columns where t.column(c.name) == nil && c.generated == nil {
                throw TransferError("source column '\(name).\(c.name)' has no column in the target (its values would be lost)")
            }
            for c in t.columns where s.column(c.name) == nil && !c.nullable && c.defaultValue == nil && !c.autoincrement && c.generated == nil {
                throw TransferError("target column '\(name).\(c.name)' is NOT NULL with no default and has no source column")
            }
            // The target computes its generated columns: they are neither copied nor compared.
            items[name] = Item(target: t, source: s, columns: t.columns.filter { s.column($0.name) != nil && $0.generated == nil })
        }
        // Order by the target's foreign keys: the planner's order for creating these tables.
        let selected = Schema(tables: names.map { items[$0]!.target })
        let plan = Planner().plan(selected.tables.map { .createTable($0) }, current: Schema(), target: selected)
        self.items = plan.groups.compactMap { $0.table }.compactMap { items[$0] }
        self.source = source
        var edges: [String: Set<String>] = [:]
        for t in selected.tables { edges[t.name] = Set(t.foreignKeys.map(\.referencedTable).filter { items[$0] != nil }) }
        func reaches(_ from: String, _ to: String) -> Bool {
            var seen = Set<String>(), stack = Array(edges[from] ?? [])
            while let n = stack.popLast() {
                if n == to { return true }
                if seen.insert(n).inserted { stack += edges[n] ?? [] }
            }
            return false
        }
        self.recursive = Set(names.filter { reaches($0, $0) })
        self.cycleKeys = plan.groups.filter { $0.table == nil }.flatMap(\.operations).compactMap { op in
            if case .addConstraint(let table, .foreignKey(let fk)) = op { return (table, fk) }
            return nil
        }
    }
}

extension ForeignKey {
    /// SQL that holds for a row of `child` (aliased `c`) whose key is set but matches no row of the
    /// referenced table (aliased `p`), MATCH SIMPLE: a key with a NULL column points nowhere.
    var pointsNowhere: String {
        let present = columns.map { "c.\(SQLText.quote($0)) IS NOT NULL" }.joined(separator: " AND ")
        let match = zip(columns, referencedColumns).map { "p.\(SQLText.quote($1)) = c.\(SQLText.quote($0))" }.joined(separator: " AND ")
        return "\(present) AND NOT EXISTS (SELECT 1 FROM \(SQLText.quote(referencedTable)) AS p WHERE \(match))"
    }
}
