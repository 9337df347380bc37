extension LintRule {
    /// RT103: a type change that may not keep every value (shorter text, fewer digits, text to number).
    static let narrowingType = LintRule(
        "RT103", "narrowing type change", category: .dataLoss,
        why: "the new type cannot hold every value of the old one; Retort refuses to convert rows that would change",
        fix: "convert the data in a hand-written step first, or widen instead; acknowledge with allow"
    ) { op, context in
        guard case .alterColumn(let t, let from, let to) = op, context.isExisting(t) else { return nil }
        let a = context.comparableType(from), b = context.comparableType(to)
        guard a != b, !a.convertsLosslessly(to: b) else { return nil }
        if case .enumeration = a, case .enumeration = b { return nil }  // RT104's business
        return (.error, t)
    }
}
