extension LintRule {
    /// RT302: the running application still uses the old table name.
    static let renameTable = LintRule(
        "RT302", "table renamed", category: .compatibility,
        why: "code deployed before the rename queries the old name and fails until it is replaced",
        fix: "rename during a deploy that stops the old code, or leave a view with the old name for the transition"
    ) { op, _ in
        guard case .renameTable(_, let to) = op else { return nil }
        return (.warning, to)
    }
}
