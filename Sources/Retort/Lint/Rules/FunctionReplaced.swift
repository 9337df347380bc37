extension LintRule {
    /// RT303: a function replaced or created again changes running code at once.
    static let functionReplaced = LintRule(
        "RT303", "function replaced in place", category: .compatibility, dialects: [.postgres],
        why: "CREATE OR REPLACE (or drop and create) changes the function for every session at commit, while the application deployed before may still call it the old way",
        fix: "create the new behaviour under a new name (or signature), switch the code over, then drop the old function"
    ) { op, _ in
        switch op {
        case .replaceObject(.function(let old), .function(let f)), .recreateObject(.function(let old), .function(let f)):
            return old.body != f.body || old.returns != f.returns || old.arguments != f.arguments ? (.warning, nil) : nil
        case .recreateObject(.aggregate, .aggregate): return (.warning, nil)
        default: return nil
        }
    }
}
