/// A view: a named query, on PostgreSQL and SQLite.
///
/// The query is SQL text, compared by meaning: on PostgreSQL in the server's own spelling (the
/// models' views are created in a rolled-back scratch schema and read back with
/// `pg_get_viewdef`), on SQLite token by token. A query that differs between the dialects is given
/// per dialect; a view with no query for a dialect is left out there, with a note.
public struct View: Hashable, Sendable {
    /// The view's name.
    public var name: String
    /// The query (`SELECT …`) for every dialect that has no query of its own.
    public var query: String?
    /// Queries for one dialect each.
    public var perDialect: [DialectName: String]
    /// Output column names (`CREATE VIEW v (a, b) AS …`); empty: the query's own. PostgreSQL
    /// folds them into the query as aliases, so a view read from it has none.
    public var columns: [String]
    /// `WITH LOCAL | CASCADED CHECK OPTION` (PostgreSQL): rows written through the view must satisfy it.
    public var checkOption: ViewCheckOption?
    /// `security_barrier` (PostgreSQL): the view's conditions run before the caller's functions.
    public var securityBarrier: Bool
    /// `security_invoker` (PostgreSQL 15 on): the tables are read with the caller's privileges.
    public var securityInvoker: Bool
    /// The view's comment.
    public var comment: String?

    /// A view; `query` serves every dialect that has no entry in `perDialect`.
    public init(
        _ name: String, _ query: String? = nil, perDialect: [DialectName: String] = [:], columns: [String] = [],
        checkOption: ViewCheckOption? = nil, securityBarrier: Bool = false, securityInvoker: Bool = false, comment: String? = nil
    ) {
        self.name = name
        self.query = query
        self.perDialect = perDialect
        self.columns = columns
        self.checkOption = checkOption
        self.securityBarrier = securityBarrier
        self.securityInvoker = securityInvoker
        self.comment = comment
    }

    /// The query for a dialect, if the view has one there.
    public func query(for dialect: DialectName) -> String? { perDialect[dialect] ?? query }
}

/// Which conditions rows written through a view must satisfy.
public enum ViewCheckOption: String, Hashable, Sendable, Codable {
    /// This view's condition only.
    case local
    /// This view's and those of the views it is built on.
    case cascaded
}

extension View: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, query, perDialect, columns, checkOption, securityBarrier, securityInvoker, comment
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(query, forKey: .query)
        try c.encodeUnlessDefault(perDialect, forKey: .perDialect)
        try c.encodeUnlessDefault(columns, forKey: .columns)
        try c.encodeIfPresent(checkOption, forKey: .checkOption)
        try c.encodeUnlessDefault(securityBarrier, forKey: .securityBarrier)
        try c.encodeUnlessDefault(securityInvoker, forKey: .securityInvoker)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), try c.decodeIfPresent(String.self, forKey: .query),
            perDialect: try c.decodeIfPresent([DialectName: String].self, forKey: .perDialect) ?? [:],
            columns: try c.decodeIfPresent([String].self, forKey: .columns) ?? [],
            checkOption: try c.decodeIfPresent(ViewCheckOption.self, forKey: .checkOption),
            securityBarrier: try c.decodeIfPresent(Bool.self, forKey: .securityBarrier) ?? false,
            securityInvoker: try c.decodeIfPresent(Bool.self, forKey: .securityInvoker) ?? false,
            comment: try c.decodeIfPresent(String.self, forKey: .comment))
    }
}
