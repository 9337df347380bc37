/// A domain (PostgreSQL): a base type with a default, NOT NULL and named checks, which columns use
/// by name (`Column("year", .integer, nativeTypes: [.postgres: "year"])`). SQLite has none: the
/// domain is not created there, and a column that names it takes its portable type.
public struct Domain: Hashable, Sendable {
    /// The domain's name.
    public var name: String
    /// The base type, in PostgreSQL's spelling (`integer`, `varchar(20)`).
    public var type: String
    /// The default, an SQL expression, if any.
    public var defaultValue: String?
    /// True when the domain refuses NULL.
    public var notNull: Bool
    /// The named checks on `VALUE`, compared by meaning.
    public var checks: [CheckConstraint]
    /// The collation, when it is not the base type's.
    public var collation: String?
    /// The domain's comment.
    public var comment: String?

    /// A domain over `type`.
    public init(
        _ name: String, _ type: String, default defaultValue: String? = nil, notNull: Bool = false, checks: [CheckConstraint] = [],
        collation: String? = nil, comment: String? = nil
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.notNull = notNull
        self.checks = checks
        self.collation = collation
        self.comment = comment
    }
}

extension Domain: Codable {
    private enum CodingKeys: String, CodingKey { case name, type, defaultValue, notNull, checks, collation, comment }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try c.encodeUnlessDefault(notNull, forKey: .notNull)
        try c.encodeUnlessDefault(checks, forKey: .checks)
        try c.encodeIfPresent(collation, forKey: .collation)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), try c.decode(String.self, forKey: .type),
            default: try c.decodeIfPresent(String.self, forKey: .defaultValue),
            notNull: try c.decodeIfPresent(Bool.self, forKey: .notNull) ?? false,
            checks: try c.decodeIfPresent([CheckConstraint].self, forKey: .checks) ?? [],
            collation: try c.decodeIfPresent(String.self, forKey: .collation), comment: try c.decodeIfPresent(String.self, forKey: .comment))
    }
}

extension Domain: SchemaElement {
    /// Declares a domain: `Domain("year", "integer", checks: [Check("year_check", "VALUE BETWEEN 1901 AND 2155")])`.
    public func apply(to schema: inout Schema) { schema.domains.append(self) }
}
