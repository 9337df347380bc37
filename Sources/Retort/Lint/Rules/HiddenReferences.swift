extension LintRule {
    /// RT305: a function body whose references the catalog cannot see.
    static let hiddenReferences = LintRule(
        "RT305", "function body the catalog cannot read", category: .compatibility, dialects: [.postgres],
        why: "PostgreSQL keeps no dependencies for the tables and columns a LANGUAGE sql or plpgsql body names: dropping or renaming one later is not refused, and the function fails when called",
        fix: "keep the body's tables and columns stable, or write the function with BEGIN ATOMIC (LANGUAGE sql) so the catalog tracks what it uses"
    ) { op, _ in
        switch op {
        case .createObject(.function(let f)), .replaceObject(_, .function(let f)), .recreateObject(_, .function(let f)):
            let language = f.language.lowercased()
            return language == "plpgsql" || language == "sql" ? (.warning, nil) : nil
        default: return nil
        }
    }
}
