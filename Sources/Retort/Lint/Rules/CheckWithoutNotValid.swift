extension LintRule {
    /// RT204: adding a check scans every row while writes wait.
    static let checkWithoutNotValid = LintRule(
        "RT204", "check added without NOT VALID", category: .locking, dialects: [.postgres],
        why: "ADD CHECK scans the whole table under an ACCESS EXCLUSIVE lock",
        fix: "add it NOT VALID, then VALIDATE CONSTRAINT in a later step (autogen --safe writes both)"
    ) { op, context in
        guard case .addConstraint(let t, .check(let c)) = op, !c.notValid, context.isExisting(t) else { return nil }
        return (context.sizeSeverity(t), t)
    }
}
