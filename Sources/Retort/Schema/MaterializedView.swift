/// A materialized view (PostgreSQL): a query whose rows are stored, with indexes of its own.
/// Compared by meaning like a view (the query as the server spells it, the indexes as the server
/// reads them back). Changing the query drops and creates it, filled again `WITH DATA` under lock;
/// its indexes, comment and `WITH [NO] DATA` change in place. SQLite has none: not created there,
/// with a note.
public struct MaterializedView: Hashable, Sendable {
    /// The materialized view's name.
    public var name: String
    /// The query (`SELECT …`).
    public var query: String
    /// `WITH DATA` (filled when created; the default) or `WITH NO DATA` (empty until refreshed).
    public var withData: Bool
    /// Its indexes (keys, uniqueness, method, order, predicate).
    public var indexes: [Index]
    /// Its comment.
    public var comment: String?

    /// A materialized view: `MaterializedView("sales_by_store", "SELECT …", indexes: [Index(["store_id"], unique: true, name: "…")])`.
    public init(_ name: String, _ query: String, withData: Bool = true, indexes: [Index] = [], comment: String? = nil) {
        self.name = name
        self.query = query
        self.withData = withData
        self.indexes = indexes
        self.comment = comment
    }
}

extension MaterializedView: Codable {
    private enum CodingKeys: String, CodingKey { case name, query, withData, indexes, comment }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(query, forKey: .query)
        try c.encodeUnlessDefault(withData, forKey: .withData, default: true)
        try c.encodeUnlessDefault(indexes, forKey: .indexes)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), try c.decode(String.self, forKey: .query),
            withData: try c.decodeIfPresent(Bool.self, forKey: .withData) ?? true,
            indexes: try c.decodeIfPresent([Index].self, forKey: .indexes) ?? [], comment: try c.decodeIfPresent(String.self, forKey: .comment))
    }
}

extension MaterializedView: SchemaElement {
    /// Declares a materialized view.
    public func apply(to schema: inout Schema) { schema.materializedViews.append(self) }
}
