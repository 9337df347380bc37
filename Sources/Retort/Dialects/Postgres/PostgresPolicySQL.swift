/// PostgreSQL statements for row-level security and its policies.
enum PostgresPolicySQL {
    static let q = SQLText.quote

    /// `ALTER TABLE … ENABLE/DISABLE ROW LEVEL SECURITY` and `[NO] FORCE ROW LEVEL SECURITY`, for
    /// what changes between `from` and `to` (nil: both off).
    static func rowLevelSecurity(_ table: String, from: RowLevelSecurity?, to: RowLevelSecurity?) -> [String] {
        let was = from ?? RowLevelSecurity(enabled: false), will = to ?? RowLevelSecurity(enabled: false)
        var sql: [String] = []
        if was.enabled != will.enabled { sql.append("ALTER TABLE \(q(table)) \(will.enabled ? "ENABLE" : "DISABLE") ROW LEVEL SECURITY") }
        if was.forced != will.forced { sql.append("ALTER TABLE \(q(table)) \(will.forced ? "" : "NO ")FORCE ROW LEVEL SECURITY") }
        return sql
    }

    /// The roles as `TO` takes them: `PUBLIC` for none, names quoted otherwise.
    static func roles(_ p: Policy) -> String {
        p.roles.isEmpty ? "PUBLIC" : p.roles.map { SQLText.equalIgnoringASCIICase($0, "public") ? "PUBLIC" : q($0) }.joined(separator: ", ")
    }

    /// `CREATE POLICY … ON … AS … FOR … TO … USING (…) WITH CHECK (…)` and its comment.
    static func create(_ table: String, _ p: Policy) -> [String] {
        var sql = "CREATE POLICY \(q(p.name)) ON \(q(table)) AS \(p.permissive ? "PERMISSIVE" : "RESTRICTIVE") FOR \(p.command.rawValue) TO \(roles(p))"
        if let u = p.using { sql += " USING (\(u))" }
        if let w = p.withCheck { sql += " WITH CHECK (\(w))" }
        return [sql] + (p.comment != nil ? [comment(table, p)] : [])
    }

    /// What `ALTER POLICY` can change in place (roles, `USING`, `WITH CHECK`) and the comment; a
    /// policy whose command or kind changes, or that loses an expression, is dropped and created.
    static func replace(_ table: String, _ old: Policy, with p: Policy) -> [String] {
        guard canAlter(old, to: p) else { return drop(table, old) + create(table, p) }
        var clauses: [String] = []
        if old.roles != p.roles { clauses.append("TO \(roles(p))") }
        if old.using != p.using, let u = p.using { clauses.append("USING (\(u))") }
        if old.withCheck != p.withCheck, let w = p.withCheck { clauses.append("WITH CHECK (\(w))") }
        var sql = clauses.isEmpty ? [] : ["ALTER POLICY \(q(p.name)) ON \(q(table)) " + clauses.joined(separator: " ")]
        if old.comment != p.comment { sql.append(comment(table, p)) }
        return sql
    }

    /// True when `ALTER POLICY` can turn `old` into `p`: same command and kind, and no expression removed.
    static func canAlter(_ old: Policy, to p: Policy) -> Bool {
        old.command == p.command && old.permissive == p.permissive && (old.using == nil || p.using != nil)
            && (old.withCheck == nil || p.withCheck != nil)
    }

    static func drop(_ table: String, _ p: Policy) -> [String] { ["DROP POLICY \(q(p.name)) ON \(q(table))"] }

    static func comment(_ table: String, _ p: Policy) -> String {
        "COMMENT ON POLICY \(q(p.name)) ON \(q(table)) IS \(p.comment.map(SQLText.literal) ?? "NULL")"
    }
}
