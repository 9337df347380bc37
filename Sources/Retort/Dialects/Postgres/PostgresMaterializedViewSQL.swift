/// PostgreSQL statements for materialized views.
enum PostgresMaterializedViewSQL {
    static let q = SQLText.quote

    /// `CREATE MATERIALIZED VIEW … AS … WITH [NO] DATA`, its indexes and its comment.
    static func create(_ m: MaterializedView) -> [String] {
        ["CREATE MATERIALIZED VIEW \(q(m.name)) AS \(PostgresObjectSQL.body(m.query)) WITH \(m.withData ? "" : "NO ")DATA"]
            + m.indexes.flatMap { PostgresRenderer.createIndex($0, on: m.name) } + (m.comment != nil ? [comment(m)] : [])
    }

    /// What changes in place (the query is the same): indexes dropped and created, filled or
    /// emptied (`REFRESH … [WITH NO DATA]`), the comment.
    static func replace(_ old: MaterializedView, with m: MaterializedView) -> [String] {
        var sql: [String] = []
        for i in old.indexes where !m.indexes.contains(i) { sql.append("DROP INDEX \(q(i.name ?? ""))") }
        if old.withData != m.withData { sql.append("REFRESH MATERIALIZED VIEW \(q(m.name))\(m.withData ? "" : " WITH NO DATA")") }
        for i in m.indexes where !old.indexes.contains(i) { sql += PostgresRenderer.createIndex(i, on: m.name) }
        if old.comment != m.comment { sql.append(comment(m)) }
        return sql
    }

    static func drop(_ m: MaterializedView) -> [String] { ["DROP MATERIALIZED VIEW \(q(m.name))"] }

    static func comment(_ m: MaterializedView) -> String {
        "COMMENT ON MATERIALIZED VIEW \(q(m.name)) IS \(m.comment.map(SQLText.literal) ?? "NULL")"
    }
}
