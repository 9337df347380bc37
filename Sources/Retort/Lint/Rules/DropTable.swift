extension LintRule {
    /// RT101: dropping a table (or a partition) deletes its rows for good.
    static let dropTable = LintRule(
        "RT101", "drop table", category: .dataLoss,
        why: "dropping a table (or a partition of one) deletes every row it holds, and the downgrade brings back an empty table",
        fix: "back up first, or keep the table until nothing reads it; acknowledge with allow"
    ) { op, _ in
        switch op {
        case .dropTable(let t): return (.error, t.name)
        case .dropObject(.partition(_, _, let p)): return (.error, p.name)
        default: return nil
        }
    }
}
