/// PostgreSQL statements for functions, procedures and aggregates.
enum PostgresFunctionSQL {
    static let q = SQLText.quote

    /// `name(type, type)` as `DROP`, `COMMENT ON`, `GRANT` and `ALTER … OWNER` name an overload.
    static func reference(_ name: String, _ types: [String]) -> String {
        q(name) + "(" + types.joined(separator: ", ") + ")"
    }

    static func reference(_ f: Function) -> String { reference(f.name, f.arguments.filter(\.isInput).map(\.type)) }

    static func reference(_ a: Aggregate) -> String { reference(a.name, a.arguments) }

    /// `FUNCTION` or `PROCEDURE`.
    static func keyword(_ f: Function) -> String { f.kind == .procedure ? "PROCEDURE" : "FUNCTION" }

    /// `CREATE [OR REPLACE] FUNCTION …` with every option, the body dollar-quoted, and the comment
    /// when it is new or changed.
    static func create(_ f: Function, orReplace old: Function? = nil) -> [String] {
        let arguments = f.arguments.map { a in
            var text = a.mode == .in ? "" : a.mode.rawValue.uppercased() + " "
            if let name = a.name { text += q(name) + " " }
            text += a.type
            if let d = a.defaultValue { text += " DEFAULT \(d)" }
            return text
        }.joined(separator: ", ")
        var sql = "CREATE \(old == nil ? "" : "OR REPLACE ")\(keyword(f)) \(q(f.name))(\(arguments))"
        if f.kind == .function, let r = f.returns { sql += " RETURNS \(r)" }
        sql += " LANGUAGE \(q(f.language.lowercased()))"
        if f.kind == .function {
            if f.volatility != .volatile { sql += " " + f.volatility.rawValue.uppercased() }
            if f.strict { sql += " STRICT" }
            if f.leakproof { sql += " LEAKPROOF" }
            if f.parallel != .unsafe { sql += " PARALLEL " + f.parallel.rawValue.uppercased() }
        }
        if f.securityDefiner { sql += " SECURITY DEFINER" }
        for (name, value) in f.settings.sorted(by: { $0.key < $1.key }) { sql += " SET \(setting(name, value))" }
        sql += " AS " + dollarQuoted(f.body)
        var statements = [sql]
        if old == nil ? f.comment != nil : f.comment != old?.comment { statements.append(comment(f)) }
        return statements
    }

    /// `search_path TO 'a', 'b'` (a list setting, one literal per entry) or `name TO 'value'`.
    static func setting(_ name: String, _ value: String) -> String {
        let key = name.split(separator: ".", omittingEmptySubsequences: false).map { q(String($0)) }.joined(separator: ".")
        let values = name.lowercased() == "search_path"
            ? value.split(separator: ",").map { SQLText.literal($0.trimmingCharacters(in: .whitespaces)) }
            : [SQLText.literal(value)]
        return "\(key) TO \(values.joined(separator: ", "))"
    }

    /// The body between dollar quotes whose tag it does not hold.
    static func dollarQuoted(_ body: String) -> String {
        var tag = "$retort$", n = 0
        while body.contains(tag) {
            n += 1
            tag = "$retort\(n)$"
        }
        return tag + body + tag
    }

    static func comment(_ f: Function) -> String {
        "COMMENT ON \(keyword(f)) \(reference(f)) IS \(f.comment.map(SQLText.literal) ?? "NULL")"
    }

    /// `CREATE [OR REPLACE] AGGREGATE name(types) (SFUNC = …, STYPE = …, …)` and its comment.
    static func create(_ a: Aggregate, orReplace old: Aggregate? = nil) -> [String] {
        var options = ["SFUNC = \(q(a.stateFunction))", "STYPE = \(a.stateType)"]
        if let f = a.finalFunction { options.append("FINALFUNC = \(q(f))") }
        if let i = a.initialCondition { options.append("INITCOND = \(SQLText.literal(i))") }
        var sql = ["CREATE \(old == nil ? "" : "OR REPLACE ")AGGREGATE \(reference(a)) (\(options.joined(separator: ", ")))"]
        if old == nil ? a.comment != nil : a.comment != old?.comment { sql.append(comment(a)) }
        return sql
    }

    static func comment(_ a: Aggregate) -> String {
        "COMMENT ON AGGREGATE \(reference(a)) IS \(a.comment.map(SQLText.literal) ?? "NULL")"
    }
}
