extension LintRule {
    /// RT211: `CREATE TRIGGER` on a table that exists blocks its writes while it waits for its lock.
    static let triggerCreated = LintRule(
        "RT211", "trigger created on a table in use", category: .locking, dialects: [.postgres],
        why: "CREATE TRIGGER takes a SHARE ROW EXCLUSIVE lock: it waits for running writes and blocks new ones until the revision commits",
        fix: "run it with a short lock timeout (--lock-timeout) at a quiet time, in a revision of its own so the lock is held briefly"
    ) { op, context in
        guard case .createObject(.trigger(let t, let trigger)) = op, trigger.exists(on: .postgres), context.isExisting(t) else { return nil }
        return (context.sizeSeverity(t), t)
    }
}
