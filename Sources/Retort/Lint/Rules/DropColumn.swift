extension LintRule {
    /// RT102: dropping a column deletes its values for good, and breaks code that still reads it.
    static let dropColumn = LintRule(
        "RT102", "drop column", category: .dataLoss,
        why: "dropping a column deletes its values, and the running application may still read it",
        fix: "first deploy code that no longer uses the column, then drop it in a later revision; acknowledge with allow"
    ) { op, context in
        guard case .dropColumn(let t, _) = op, context.isExisting(t) else { return nil }
        return (.error, t)
    }
}
