extension LintRule {
    /// RT209: a unique constraint or primary key added to a table builds its index under a lock.
    static let uniqueByLockingIndexBuild = LintRule(
        "RT209", "unique key built by a locking index build", category: .locking, dialects: [.postgres],
        why: "ADD UNIQUE / PRIMARY KEY builds its index while writes to the table wait",
        fix: "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX"
    ) { op, context in
        switch op {
        case .addConstraint(let t, .unique), .addConstraint(let t, .primaryKey):
            return context.isExisting(t) ? (context.sizeSeverity(t), t) : nil
        default:
            return nil
        }
    }
}
