extension LintRule {
    /// RT306: dropping an extension takes its types, functions and operators with it.
    static let extensionDropped = LintRule(
        "RT306", "extension dropped", category: .compatibility, dialects: [.postgres],
        why: "the extension's types, functions and operator classes go with it, for every schema of the database: code (or another tenant's schema) that uses them fails",
        fix: "keep the extension while anything in the database uses it; drop it by hand once nothing does"
    ) { op, _ in
        guard case .dropObject(.extension) = op else { return nil }
        return (.error, nil)
    }
}
