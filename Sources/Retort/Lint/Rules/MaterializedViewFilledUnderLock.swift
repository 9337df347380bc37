extension LintRule {
    /// RT212: a materialized view created again `WITH DATA`, or refreshed without `CONCURRENTLY`, blocks its readers.
    static let materializedViewFilledUnderLock = LintRule(
        "RT212", "materialized view filled under lock", category: .locking, dialects: [.postgres],
        why: "dropping and creating a materialized view WITH DATA, or REFRESH MATERIALIZED VIEW without CONCURRENTLY, holds an ACCESS EXCLUSIVE lock: every read of it waits until its query has run",
        fix: "create the new one under another name and switch readers over, or refresh it with REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index) in a hand-written step"
    ) { op, _ in
        switch op {
        case .recreateObject(_, .materializedView(let m)) where m.withData: return (.warning, nil)
        case .replaceObject(.materializedView(let old), .materializedView(let m)) where m.withData && !old.withData: return (.warning, nil)
        default: return nil
        }
    }
}
