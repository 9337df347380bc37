extension LintRule {
    /// RT206: a new NOT NULL column with no default fails on a table with rows, and the running
    /// application's inserts (which do not name it) fail too.
    static let notNullColumnWithoutDefault = LintRule(
        "RT206", "NOT NULL column added without a default", category: .compatibility,
        why: "existing rows have no value for it (the ALTER fails), and inserts by the running code, which does not fill it, fail",
        fix: "give it a default, or add it nullable, fill it in batches, then set NOT NULL (autogen --safe with Column(…).backfill(value))"
    ) { op, context in
        guard case .addColumn(let t, let c) = op, !c.nullable, c.defaultValue == nil, !c.autoincrement, c.generated == nil,
            context.isExisting(t)
        else { return nil }
        return (context.rows[t] == 0 ? .warning : .error, t)
    }
}
