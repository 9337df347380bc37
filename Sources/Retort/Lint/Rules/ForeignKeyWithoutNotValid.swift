extension LintRule {
    /// RT203: adding a foreign key checks every row while both tables are locked.
    static let foreignKeyWithoutNotValid = LintRule(
        "RT203", "foreign key added without NOT VALID", category: .locking, dialects: [.postgres],
        why: "ADD FOREIGN KEY scans the whole table under a SHARE ROW EXCLUSIVE lock on it and on the table it references",
        fix: "add it NOT VALID, then VALIDATE CONSTRAINT in a later step (autogen --safe writes both)"
    ) { op, context in
        guard case .addConstraint(let t, .foreignKey(let fk)) = op, !fk.notValid, context.isExisting(t) else { return nil }
        return (context.sizeSeverity(t), t)
    }
}
