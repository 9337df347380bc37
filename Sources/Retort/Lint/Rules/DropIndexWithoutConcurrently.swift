extension LintRule {
    /// RT202: `DROP INDEX` takes an ACCESS EXCLUSIVE lock on the table.
    static let dropIndexWithoutConcurrently = LintRule(
        "RT202", "index dropped without CONCURRENTLY", category: .locking, dialects: [.postgres],
        why: "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: reads and writes queue behind it",
        fix: "drop it with DROP INDEX CONCURRENTLY in a non-transactional revision (autogen --safe writes it)"
    ) { op, context in
        guard case .dropIndex(let t, _) = op, context.isExisting(t) else { return nil }
        return (context.sizeSeverity(t), t)
    }
}
