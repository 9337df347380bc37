extension LintRule {
    /// RT205: `SET NOT NULL` scans the table under an ACCESS EXCLUSIVE lock.
    static let setNotNullByScan = LintRule(
        "RT205", "SET NOT NULL by full scan", category: .locking, dialects: [.postgres],
        why: "SET NOT NULL reads every row under an ACCESS EXCLUSIVE lock unless a validated CHECK (col IS NOT NULL) exists",
        fix: "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL and drop the check (autogen --safe)"
    ) { op, context in
        guard case .alterColumn(let t, let from, let to) = op, from.nullable, !to.nullable, context.isExisting(t) else { return nil }
        let proven = context.before.table(t)?.checks.contains {
            !$0.notValid && SQLText.normalizeExpression($0.expression).lowercased().replacingOccurrences(of: "\"", with: "")
                == "\(to.name.lowercased()) is not null"
        } ?? false
        return proven ? nil : (context.sizeSeverity(t), t)
    }
}
