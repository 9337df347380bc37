extension LintRule {
    /// Functions whose value changes per row: a column added with one as default rewrites the table.
    static let volatileFunctions: Set<String> = [
        "random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval",
        "txid_current", "statement_timestamp", "setseed",
    ]

    /// RT207: `ADD COLUMN … DEFAULT volatile()` rewrites the whole table under an exclusive lock.
    static let volatileDefault = LintRule(
        "RT207", "column added with a volatile default", category: .locking, dialects: [.postgres],
        why: "a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval) is computed per row: the table is rewritten under an ACCESS EXCLUSIVE lock",
        fix: "add the column without the default (or with a constant one), set the default, then backfill in batches"
    ) { op, context in
        guard case .addColumn(let t, let c) = op, case .expression(let e)? = c.defaultValue, context.isExisting(t) else { return nil }
        let words = SQLTokenizer.tokenize(e).filter { $0.kind == .word }.map { $0.value.lowercased() }
        guard words.contains(where: volatileFunctions.contains) else { return nil }
        return (context.sizeSeverity(t), t)
    }
}
