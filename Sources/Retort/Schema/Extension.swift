/// A PostgreSQL extension the models use (`citext`, `pg_trgm`, `btree_gist`): created before
/// anything that uses its types, operator classes or functions, and dropped after. Extensions are
/// database-wide: one is created once per database (`IF NOT EXISTS`), whichever schema asks first.
/// What an extension owns is never listed, compared or dropped by Retort. SQLite has none: left
/// out there, with a note.
public struct Extension: Hashable, Sendable {
    /// The extension's name.
    public var name: String
    /// The schema its objects go in; nil: the first schema of the search path (and not compared).
    public var schema: String?
    /// The version the models ask for; nil: whatever the server installs by default (and not compared).
    /// A newer version than the database has is installed with `ALTER EXTENSION … UPDATE TO`.
    public var version: String?

    /// An extension: `Extension("pg_trgm")`, `Extension("citext", schema: "extensions", version: "1.6")`.
    public init(_ name: String, schema: String? = nil, version: String? = nil) {
        self.name = name
        self.schema = schema
        self.version = version
    }
}

extension Extension: Codable {
    private enum CodingKeys: String, CodingKey { case name, schema, version }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(schema, forKey: .schema)
        try c.encodeIfPresent(version, forKey: .version)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), schema: try c.decodeIfPresent(String.self, forKey: .schema),
            version: try c.decodeIfPresent(String.self, forKey: .version))
    }
}

extension Extension: SchemaElement {
    /// Declares an extension the models use.
    public func apply(to schema: inout Schema) { schema.extensions.append(self) }
}
