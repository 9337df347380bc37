extension LintRule {
    /// RT209: a unique constraint or primary key added to a table builds its index under a lock.
    static let uniqueByLockingIndexBuild = LintRule(
        "RT209", "unique key built by a locking index build", category: .locking, dialects: [.postgres],
        why: "ADD UNIQUE / PRIMARY KEY builds its index while writes to the table wait",
        fix: "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX (autogen --safe writes both)"
    ) { op, context in
        switch op {
        case .addConstraint(let t, .unique), .addConstraint(let t, .primaryKey):
            // Over an index built beforehand (USING INDEX), nothing is built under the lock.
            guard context.isExisting(t), case .addConstraint(_, let c) = op, context.before.table(t)?.indexKeptBy(c) == nil else { return nil }
            return (context.sizeSeverity(t), t)
        default:
            return nil
        }
    }
}
