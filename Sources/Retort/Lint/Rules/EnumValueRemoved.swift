extension LintRule {
    /// RT104: an enum type that loses a value; rows holding it cannot be kept.
    static let enumValueRemoved = LintRule(
        "RT104", "enum value removed", category: .dataLoss,
        why: "rows holding the removed value cannot keep it: the revision fails while any row holds it",
        fix: "move the rows to another value in a hand-written step first; acknowledge with allow"
    ) { op, context in
        switch op {
        case .alterColumn(let t, let from, let to):
            guard case .enumeration(_, let a) = from.type, case .enumeration(_, let b) = to.type, a.contains(where: { !b.contains($0) })
            else { return nil }
            return (.error, t)
        case .replaceEnumType(let from, let to) where from.values.contains(where: { !to.values.contains($0) }):
            return (.error, context.before.tablesUsing(enumType: from.name).first)
        default:
            return nil
        }
    }
}

extension Schema {
    /// The tables with a column of this enum type, in schema order.
    func tablesUsing(enumType name: String) -> [String] {
        tables.filter { t in t.columns.contains { if case .enumeration(name, _) = $0.type { true } else { false } } }.map(\.name)
    }
}
