extension LintRule {
    /// RT401: SQLite cannot ALTER most things; Retort rebuilds the table (copy, drop, rename).
    static let sqliteRebuild = LintRule(
        "RT401", "SQLite table rebuild", category: .sqlite, dialects: [.sqlite],
        why: "the table is copied row by row inside the revision's transaction, which holds the database's write lock until it ends",
        fix: "run it when writers can wait, or split large changes; small tables rebuild in milliseconds"
    ) { op, context in
        guard let t = op.tableName, context.isExisting(t), SQLiteRenderer(schema: context.before).needsRebuild(op) else { return nil }
        return (context.sizeSeverity(t), t)
    }
}
