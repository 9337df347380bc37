extension LintRule {
    /// RT215: row-level security switched on with no permissive policy hides every row.
    static let rowLevelSecurityWithoutPolicy = LintRule(
        "RT215", "row-level security without a permissive policy", category: .compatibility, dialects: [.postgres],
        why: "with row-level security on and no permissive policy, every role but the owner (and, when forced, the owner too) sees no rows and can write none: the application reads an empty table",
        fix: "create the policies in the same revision, before or with ENABLE ROW LEVEL SECURITY, and check one applies to the application's role"
    ) { op, context in
        guard case .setRowLevelSecurity(let t, let from, let to) = op, let to, to.enabled, from?.enabled != true, context.isExisting(t) else { return nil }
        let policies = context.after.table(t)?.policies ?? []
        return policies.contains(where: \.permissive) ? nil : (.error, t)
    }
}
