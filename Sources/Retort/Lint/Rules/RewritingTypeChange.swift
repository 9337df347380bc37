extension LintRule {
    /// RT208: most type changes rewrite the table (and its indexes) under an exclusive lock.
    static let rewritingTypeChange = LintRule(
        "RT208", "type change that rewrites the table", category: .locking, dialects: [.postgres],
        why: "ALTER COLUMN TYPE rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (so does rebuilding an enum type, for every table using it)",
        fix: "add a new column, fill it in batches, switch the code over, then drop the old column"
    ) { op, context in
        if case .replaceEnumType(let from, _) = op {
            let tables = context.before.tablesUsing(enumType: from.name).filter(context.isExisting)
            guard let largest = tables.max(by: { (context.rows[$0] ?? 0) < (context.rows[$1] ?? 0) }) else { return nil }
            return (context.sizeSeverity(largest), largest)
        }
        guard case .alterColumn(let t, let from, let to) = op, context.isExisting(t) else { return nil }
        let a = context.comparableType(from), b = context.comparableType(to)
        guard a != b, !a.changesWithoutRewrite(to: b) else { return nil }
        return (context.sizeSeverity(t), t)
    }
}

extension ColumnType {
    /// True for the type changes PostgreSQL makes without touching the rows: longer or unlimited
    /// text, more digits with the same scale.
    func changesWithoutRewrite(to other: ColumnType) -> Bool {
        switch (self, other) {
        case (.string(let a), .string(let b)): return b >= a
        case (.string, .text): return true
        case (.decimal(let p, let s), .decimal(let q, let r)): return s == r && q >= p
        default: return false
        }
    }
}
