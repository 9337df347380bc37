extension LintRule {
    /// RT101: dropping a table deletes its rows for good.
    static let dropTable = LintRule(
        "RT101", "drop table", category: .dataLoss,
        why: "dropping a table deletes every row it holds, and the downgrade brings back an empty table",
        fix: "back up first, or keep the table until nothing reads it; acknowledge with allow"
    ) { op, _ in
        guard case .dropTable(let t) = op else { return nil }
        return (.error, t.name)
    }
}
