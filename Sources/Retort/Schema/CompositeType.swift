/// A composite type (PostgreSQL): named attributes with types, which columns, functions and other
/// types use by name. SQLite has none: it is not created there, with a note.
public struct CompositeType: Hashable, Sendable {
    /// One attribute of the type.
    public struct Attribute: Hashable, Sendable, Codable {
        /// The attribute's name.
        public var name: String
        /// Its type, in PostgreSQL's spelling.
        public var type: String

        /// An attribute of a type.
        public init(_ name: String, _ type: String) {
            self.name = name
            self.type = type
        }
    }

    /// The type's name.
    public var name: String
    /// The attributes, in order.
    public var attributes: [Attribute]
    /// The type's comment.
    public var comment: String?

    /// A composite type with these attributes.
    public init(_ name: String, _ attributes: [Attribute], comment: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.comment = comment
    }
}

extension CompositeType: Codable {
    private enum CodingKeys: String, CodingKey { case name, attributes, comment }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(attributes, forKey: .attributes)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), try c.decode([Attribute].self, forKey: .attributes),
            comment: try c.decodeIfPresent(String.self, forKey: .comment))
    }
}

extension CompositeType: SchemaElement {
    /// Declares a composite type: `CompositeType("address", [.init("street", "text"), .init("zip", "varchar(10)")])`.
    public func apply(to schema: inout Schema) { schema.compositeTypes.append(self) }
}
