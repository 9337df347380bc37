extension LintRule {
    /// RT201: `CREATE INDEX` on a table that exists blocks its writes until the index is built.
    static let indexWithoutConcurrently = LintRule(
        "RT201", "index built without CONCURRENTLY", category: .locking, dialects: [.postgres],
        why: "CREATE INDEX holds a SHARE lock: every INSERT, UPDATE and DELETE on the table waits until the build ends",
        fix: "build it with CREATE INDEX CONCURRENTLY in a non-transactional revision (autogen --safe writes it)"
    ) { op, context in
        guard case .createIndex(let t, _) = op, context.isExisting(t) else { return nil }
        return (context.sizeSeverity(t), t)
    }
}
