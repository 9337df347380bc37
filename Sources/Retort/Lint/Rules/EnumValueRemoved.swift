extension LintRule {
    /// RT104: an enum type that loses a value; rows holding it cannot be kept.
    static let enumValueRemoved = LintRule(
        "RT104", "enum value removed", category: .dataLoss,
        why: "rows holding the removed value cannot keep it, and PostgreSQL cannot drop an enum value",
        fix: "move the rows to another value in a hand-written step, then create a new type; acknowledge with allow"
    ) { op, context in
        guard case .alterColumn(let t, let from, let to) = op, case .enumeration(_, let a) = from.type,
            case .enumeration(_, let b) = to.type, a.contains(where: { !b.contains($0) })
        else { return nil }
        return (.error, t)
    }
}
