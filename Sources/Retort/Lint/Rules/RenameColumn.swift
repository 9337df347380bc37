extension LintRule {
    /// RT301: the running application still uses the old column name.
    static let renameColumn = LintRule(
        "RT301", "column renamed", category: .compatibility,
        why: "code deployed before the rename reads and writes the old name and fails until it is replaced",
        fix: "add the new column, write both, backfill, move reads, then drop the old one; or rename during a deploy that stops the old code"
    ) { op, _ in
        guard case .renameColumn(let t, _, _) = op else { return nil }
        return (.warning, t)
    }
}
