/// PostgreSQL statements for triggers.
enum PostgresTriggerSQL {
    static let q = SQLText.quote

    /// `CREATE [CONSTRAINT] TRIGGER …`, its firing state when not the default, and its comment;
    /// nothing for a trigger with no function (SQLite's only).
    static func create(_ table: String, _ t: Trigger) -> [String] {
        guard let function = t.function else { return [] }
        let events = t.events.map { e in
            e == .update && !t.updateOf.isEmpty ? "UPDATE OF " + t.updateOf.map(q).joined(separator: ", ") : e.rawValue.uppercased()
        }
        var sql = "CREATE \(t.constraint ? "CONSTRAINT " : "")TRIGGER \(q(t.name)) \(t.timing.sql) \(events.joined(separator: " OR ")) ON \(q(table))"
        if t.constraint { sql += " " + (t.deferrable?.sql ?? "NOT DEFERRABLE") }
        if t.oldTable != nil || t.newTable != nil {
            sql += " REFERENCING" + (t.oldTable.map { " OLD TABLE AS \(q($0))" } ?? "") + (t.newTable.map { " NEW TABLE AS \(q($0))" } ?? "")
        }
        sql += " FOR EACH \(t.forEachRow ? "ROW" : "STATEMENT")"
        if let w = t.when { sql += " WHEN (\(w))" }
        sql += " EXECUTE FUNCTION \(q(function))(\(t.arguments.map(SQLText.literal).joined(separator: ", ")))"
        var statements = [sql]
        if t.firing != .enabled { statements.append(firing(table, t)) }
        if t.comment != nil { statements.append(comment(table, t)) }
        return statements
    }

    /// What turns `old` into `t`: `ALTER TABLE … ENABLE | DISABLE TRIGGER` and `COMMENT ON TRIGGER`
    /// when only those differ; otherwise dropped and created.
    static func replace(_ table: String, _ old: Trigger, with t: Trigger) -> [String] {
        var rest = old
        rest.firing = t.firing
        rest.comment = t.comment
        guard rest == t, old.function != nil else { return drop(table, old) + create(table, t) }
        var sql: [String] = []
        if old.firing != t.firing { sql.append(firing(table, t)) }
        if old.comment != t.comment { sql.append(comment(table, t)) }
        return sql
    }

    static func drop(_ table: String, _ t: Trigger) -> [String] {
        t.function == nil ? [] : ["DROP TRIGGER \(q(t.name)) ON \(q(table))"]
    }

    static func firing(_ table: String, _ t: Trigger) -> String {
        let state = switch t.firing {
        case .enabled: "ENABLE"
        case .disabled: "DISABLE"
        case .replica: "ENABLE REPLICA"
        case .always: "ENABLE ALWAYS"
        }
        return "ALTER TABLE \(q(table)) \(state) TRIGGER \(q(t.name))"
    }

    static func comment(_ table: String, _ t: Trigger) -> String {
        "COMMENT ON TRIGGER \(q(t.name)) ON \(q(table)) IS \(t.comment.map(SQLText.literal) ?? "NULL")"
    }
}
