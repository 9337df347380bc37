extension LintRule {
    /// RT304: a view dropped, or created again with other columns, breaks what reads it.
    static let viewDropped = LintRule(
        "RT304", "view dropped or its columns changed", category: .compatibility,
        why: "code and reports that select from the view fail once it is gone, or read other columns once it is created again",
        fix: "create the new view under a new name, move readers over, then drop the old one"
    ) { op, _ in
        switch op {
        case .dropObject(.view), .dropObject(.materializedView): return (.warning, nil)
        case .recreateObject(.view(let old), .view(let v)) where old.columns != v.columns || old.query != v.query: return (.warning, nil)
        default: return nil
        }
    }
}
