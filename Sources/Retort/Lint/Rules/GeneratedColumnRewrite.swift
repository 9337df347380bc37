extension LintRule {
    /// RT210: a stored generated column is computed for every row as it is added (or its expression
    /// changes), which rewrites the table under an exclusive lock.
    static let generatedColumnRewrite = LintRule(
        "RT210", "generated column computed for every row", category: .locking, dialects: [.postgres],
        why: "adding a generated column, or changing its expression, computes it for every row: the table is rewritten under an ACCESS EXCLUSIVE lock",
        fix: "on a large table, add a plain column, fill it in batches and keep it current in the application (or a trigger)"
    ) { op, context in
        switch op {
        case .addColumn(let t, let c) where c.generated != nil && context.isExisting(t):
            return (context.sizeSeverity(t), t)
        case .alterColumn(let t, let from, let to) where to.generated != nil && from.generated != to.generated && context.isExisting(t):
            return (context.sizeSeverity(t), t)
        default:
            return nil
        }
    }
}
