/// The schemas one catalog read covers, and the search path their definitions are printed under.
///
/// PostgreSQL prints a name (a type in `format_type`, a table or sequence in `pg_get_expr`,
/// `pg_get_viewdef`, …) without its schema only when the search path finds it, so what the
/// catalog says depends on the session's path. A read of one schema on the session that changes it
/// prints under that session's path. A read on another session, or of many schemas at once (every
/// tenant schema of a fleet in the same queries as one), prints each row under the path that
/// session would have: its schema first, then `path`. The path is set by the query itself, row by
/// row, just before each definition is printed (`shown`), and only when it is not already the one
/// wanted, so a read of a thousand schemas prints exactly what a thousand single reads would.
struct PostgresCatalogScope: Sendable {
    /// The schemas read.
    var schemas: [String]
    /// The search path definitions are printed under; nil: the reading session's own.
    var path: Path? = nil

    /// A search path to print under.
    enum Path: Sendable {
        /// This whole path (another session's, given to a second one).
        case whole(String)
        /// Each row's own schema, then this path (a read of many schemas).
        case after(String)
    }

    /// The parameters the queries take: `$1` the schemas, `$2` the path (only when set).
    var parameters: [SQLValue] {
        var values: [SQLValue] = [.text(PostgresArrayText.literal(schemas))]
        switch path {
        case .whole(let path): values.append(.text(path))
        case .after(let path): values.append(.text(path.isEmpty ? "" : ", " + path))
        case nil: break
        }
        return values
    }

    /// The condition that `namespace` (a `pg_namespace` alias) is a schema read.
    func includes(_ namespace: String) -> String { "\(namespace).nspname = ANY ($1::text[]::name[])" }

    /// The schemas read, one row each (`alias.name`), as a `FROM` item.
    func schemaRows(_ alias: String) -> String { "unnest($1::text[]) AS \(alias)(name)" }

    /// The schema a row of `namespace` belongs to, as the query's last column (`inSchema`):
    /// a read of several schemas is split by it.
    func column(_ namespace: String) -> String { "\(namespace).nspname::text AS \"inSchema\"" }

    /// `expression` printed under the scope's path for the schema `namespace`; where `plain`
    /// holds, it prints the same under any path and is printed as it is (no path set).
    func shown(_ namespace: String, _ expression: String, plain: String? = nil) -> String {
        let wanted: String
        switch path {
        case nil: return expression
        case .whole: wanted = "$2::text"
        case .after: wanted = "quote_ident(\(namespace).nspname) || $2::text"
        }
        return "CASE " + (plain.map { "WHEN \($0) THEN \(expression) " } ?? "")
            + "WHEN current_setting('search_path') = \(wanted) OR set_config('search_path', \(wanted), true) IS NOT NULL "
            + "THEN \(expression) END"
    }

    /// True for a type of `pg_catalog` (`pg_type` alias `type`), which prints the same under any
    /// path, unless the path names `pg_catalog` itself (then a schema before it may hide its names).
    func builtin(_ type: String) -> String? {
        switch path {
        case .whole(let p), .after(let p): return p.contains("pg_catalog") ? nil : "\(type).typnamespace = 'pg_catalog'::regnamespace"
        case nil: return nil
        }
    }
}

/// PostgreSQL's text form of a one-dimensional text array (`{"a","b\"c"}`), for a parameter.
enum PostgresArrayText {
    static func literal(_ values: [String]) -> String {
        "{" + values.map { "\"" + $0.replacingScalars(["\\": "\\\\", "\"": "\\\""]) + "\"" }
            .joined(separator: ",") + "}"
    }
}
