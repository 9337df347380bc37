/// One key of an index: a column (always quoted when rendered) or an expression (kept as the
/// database prints it). Never told apart by its text.
public enum IndexKey: Hashable, Sendable, Codable {
    case column(String)
    case expression(String)

    /// The column this key names, if it is a column.
    public var column: String? {
        if case .column(let name) = self { return name }
        return nil
    }

    /// A short human spelling: the column name, or the expression in parentheses.
    public var displayName: String {
        switch self {
        case .column(let name): return name
        case .expression(let e): return "(\(e))"
        }
    }
}

/// An index over columns (or expressions) of a table.
public struct Index: Hashable, Sendable {
    public var name: String?
    public var keys: [IndexKey]
    public var unique: Bool
    /// The predicate of a partial index.
    public var predicate: String?

    /// Declares an index over keys that may be expressions.
    public init(keys: [IndexKey], unique: Bool = false, name: String? = nil, where predicate: String? = nil) {
        self.name = name
        self.keys = keys
        self.unique = unique
        self.predicate = predicate
    }

    /// Declares an index over columns.
    public init(_ columns: [String], unique: Bool = false, name: String? = nil, where predicate: String? = nil) {
        self.init(keys: columns.map(IndexKey.column), unique: unique, name: name, where: predicate)
    }

    /// The columns the index names directly (expression keys left out).
    public var columns: [String] { keys.compactMap(\.column) }

    /// True when every key is a plain column.
    public var isColumnsOnly: Bool { keys.allSatisfy { $0.column != nil } }
}

extension Index: Codable {
    private enum CodingKeys: String, CodingKey { case name, columns, keys, unique, predicate }

    /// A column-only index keeps the `columns` shape, so checksums of revisions applied before
    /// keys were typed stay the same.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        if isColumnsOnly { try c.encode(columns, forKey: .columns) } else { try c.encode(keys, forKey: .keys) }
        try c.encode(unique, forKey: .unique)
        try c.encodeIfPresent(predicate, forKey: .predicate)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        if let keys = try c.decodeIfPresent([IndexKey].self, forKey: .keys) {
            self.keys = keys
        } else {
            keys = try c.decode([String].self, forKey: .columns).map(IndexKey.column)
        }
        unique = try c.decode(Bool.self, forKey: .unique)
        predicate = try c.decodeIfPresent(String.self, forKey: .predicate)
    }
}
