extension LintRule {
    /// RT105: a column that becomes generated loses the values it holds: they are computed anew.
    static let valuesReplacedByGeneration = LintRule(
        "RT105", "column turned into a generated column", category: .dataLoss,
        why: "a column that becomes generated is dropped and added again: the values it holds are replaced by the expression's",
        fix: "add the generated column under a new name, move the code over, then drop the old column; acknowledge with allow"
    ) { op, context in
        guard case .alterColumn(let t, let from, let to) = op, from.generated == nil, to.generated != nil, context.isExisting(t)
        else { return nil }
        return (.error, t)
    }
}
