extension LintRule {
    /// RT213: `ATTACH PARTITION` scans the partition (and the default partition) under lock.
    static let partitionAttachScan = LintRule(
        "RT213", "partition attached without a matching check", category: .locking, dialects: [.postgres],
        why: "ATTACH PARTITION reads every row of the partition (and of the default partition) to prove the bound, holding a lock that blocks writes to the partition",
        fix: "first add a CHECK matching the new bound NOT VALID and VALIDATE it (no lock against writes), in a hand-written step: ATTACH then skips the scan"
    ) { op, context in
        guard case .replaceObject(.partition(let t, _, let old), .partition(_, _, let p)) = op, old.bound != p.bound, context.isExisting(t)
        else { return nil }
        return (context.sizeSeverity(t), t)
    }

    /// RT214: `DETACH PARTITION` without `CONCURRENTLY` locks the whole partitioned table.
    static let partitionDetachLock = LintRule(
        "RT214", "partition detached without CONCURRENTLY", category: .locking, dialects: [.postgres],
        why: "DETACH PARTITION (and DROP of a partition) takes an ACCESS EXCLUSIVE lock on the partitioned table: every read and write of it waits",
        fix: "detach with ALTER TABLE … DETACH PARTITION … CONCURRENTLY in a non-transactional hand-written step, then change or drop the detached table"
    ) { op, context in
        switch op {
        case .replaceObject(.partition(let t, _, let old), .partition(_, _, let p)) where old.bound != p.bound && context.isExisting(t):
            return (context.sizeSeverity(t), t)
        case .dropObject(.partition(let t, _, _)) where context.isExisting(t):
            return (context.sizeSeverity(t), t)
        default: return nil
        }
    }
}
