/// One key of an index: a column (always quoted when rendered) or an expression (kept as the
/// database prints it). Never told apart by its text.
public enum IndexKey: Hashable, Sendable, Codable {
    /// A column, by name.
    case column(String)
    /// An SQL expression over the row's columns.
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

/// Where NULLs sort in an index key.
public enum NullsOrder: String, Hashable, Sendable, Codable {
    /// NULLs before the other values.
    case first = "FIRST"
    /// NULLs after the other values.
    case last = "LAST"
}

/// How one index key is ordered and compared: collation, operator class, `DESC`, `NULLS FIRST/LAST`.
/// The default value (`IndexKeyOptions()`) is the plain ascending key with the type's default class.
public struct IndexKeyOptions: Hashable, Sendable {
    /// A non-default operator class (`text_pattern_ops`, `jsonb_path_ops`), PostgreSQL only.
    public var opclass: String?
    /// Sorted in descending order.
    public var descending: Bool
    /// NULLS FIRST/LAST when it differs from the default for the direction (LAST ascending, FIRST descending).
    public var nulls: NullsOrder?
    /// A column key's collation when it is not its column's, per dialect (see `Column.collations`).
    public var collations: [DialectName: String]

    /// Options for one key; `nulls` equal to the direction's default is dropped.
    public init(opclass: String? = nil, descending: Bool = false, nulls: NullsOrder? = nil, collations: [DialectName: String] = [:]) {
        self.opclass = opclass
        self.descending = descending
        self.nulls = nulls == (descending ? .first : .last) ? nil : nulls
        self.collations = collations
    }

    /// True for the plain ascending key.
    public var isDefault: Bool { self == IndexKeyOptions() }

    /// The SQL after the key: ` COLLATE "C" opclass DESC NULLS FIRST` (PostgreSQL), ` COLLATE "NOCASE"
    /// DESC` (SQLite, whose CREATE INDEX has neither operator classes nor NULLS FIRST/LAST).
    func sql(postgres: Bool) -> String {
        var s = ""
        if let collation = collations[postgres ? .postgres : .sqlite] { s += " COLLATE " + SQLText.quote(collation) }
        if postgres, let opclass { s += " " + SQLText.quoteQualified(opclass) }
        if descending { s += " DESC" }
        if postgres, let nulls { s += " NULLS \(nulls.rawValue)" }
        return s
    }
}

/// An index over columns (or expressions) of a table.
public struct Index: Hashable, Sendable {
    /// The index's name; nil: the naming convention names it.
    public var name: String?
    /// The keys, in order.
    public var keys: [IndexKey]
    /// True for a unique index.
    public var unique: Bool
    /// The predicate of a partial index.
    public var predicate: String?
    /// The access method (`hash`, `gin`, `gist`, `brin`, `spgist`); nil for the default b-tree.
    public var method: String?
    /// Per-key options, one per key, or empty when every key is plain.
    public var keyOptions: [IndexKeyOptions]
    /// Columns carried in the index but not part of its key (`INCLUDE`).
    public var include: [String]
    /// Storage parameters (`WITH (fillfactor = 70)`), by name.
    public var storage: [String: String]
    /// NULL values conflict with each other in a unique index (`NULLS NOT DISTINCT`).
    public var nullsNotDistinct: Bool
    /// The index's comment.
    public var comment: String?

    /// Declares an index over keys that may be expressions; PostgreSQL-only details default to a
    /// plain b-tree.
    public init(
        keys: [IndexKey], unique: Bool = false, name: String? = nil, where predicate: String? = nil, using method: String? = nil,
        options keyOptions: [IndexKeyOptions] = [], include: [String] = [], storage: [String: String] = [:],
        nullsNotDistinct: Bool = false, comment: String? = nil
    ) {
        self.name = name
        self.keys = keys
        self.unique = unique
        self.predicate = predicate
        self.method = method.map { $0.lowercased() == "btree" ? nil : $0.lowercased() } ?? nil
        self.keyOptions = keyOptions.allSatisfy(\.isDefault) ? [] : keyOptions
        self.include = include
        self.storage = storage
        self.nullsNotDistinct = nullsNotDistinct
        self.comment = comment
    }

    /// Declares an index over columns.
    public init(
        _ columns: [String], unique: Bool = false, name: String? = nil, where predicate: String? = nil, using method: String? = nil,
        options keyOptions: [IndexKeyOptions] = [], include: [String] = [], storage: [String: String] = [:],
        nullsNotDistinct: Bool = false, comment: String? = nil
    ) {
        self.init(
            keys: columns.map(IndexKey.column), unique: unique, name: name, where: predicate, using: method, options: keyOptions,
            include: include, storage: storage, nullsNotDistinct: nullsNotDistinct, comment: comment)
    }

    /// The columns the index names directly (expression keys left out).
    public var columns: [String] { keys.compactMap(\.column) }

    /// True when the index uses the column: as a key, an included column, or in an expression.
    public func uses(_ column: String) -> Bool {
        columns.contains(column) || include.contains(column) || predicate.map { SQLText.mentions($0, column) } == true
            || keys.contains { if case .expression(let e) = $0 { SQLText.mentions(e, column) } else { false } }
    }

    /// True when every key is a plain column.
    public var isColumnsOnly: Bool { keys.allSatisfy { $0.column != nil } }

    /// The options of the key at `position`.
    public func options(at position: Int) -> IndexKeyOptions {
        position < keyOptions.count ? keyOptions[position] : IndexKeyOptions()
    }
}

extension Index: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, columns, keys, unique, predicate, method, keyOptions, include, storage, nullsNotDistinct, comment
    }

    /// A column-only index keeps the `columns` shape and details at their defaults are left out, so
    /// checksums of revisions applied before these fields existed stay the same.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        if isColumnsOnly { try c.encode(columns, forKey: .columns) } else { try c.encode(keys, forKey: .keys) }
        try c.encode(unique, forKey: .unique)
        try c.encodeIfPresent(predicate, forKey: .predicate)
        try c.encodeIfPresent(method, forKey: .method)
        try c.encodeUnlessDefault(keyOptions, forKey: .keyOptions)
        try c.encodeUnlessDefault(include, forKey: .include)
        try c.encodeUnlessDefault(storage, forKey: .storage)
        try c.encodeUnlessDefault(nullsNotDistinct, forKey: .nullsNotDistinct)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let keys = try c.decodeIfPresent([IndexKey].self, forKey: .keys)
            ?? c.decode([String].self, forKey: .columns).map(IndexKey.column)
        self.init(
            keys: keys, unique: try c.decode(Bool.self, forKey: .unique), name: try c.decodeIfPresent(String.self, forKey: .name),
            where: try c.decodeIfPresent(String.self, forKey: .predicate), using: try c.decodeIfPresent(String.self, forKey: .method),
            options: try c.decodeIfPresent([IndexKeyOptions].self, forKey: .keyOptions) ?? [],
            include: try c.decodeIfPresent([String].self, forKey: .include) ?? [],
            storage: try c.decodeIfPresent([String: String].self, forKey: .storage) ?? [:],
            nullsNotDistinct: try c.decodeIfPresent(Bool.self, forKey: .nullsNotDistinct) ?? false,
            comment: try c.decodeIfPresent(String.self, forKey: .comment))
    }
}

extension IndexKeyOptions: Codable {
    private enum CodingKeys: String, CodingKey { case opclass, descending, nulls, collations }

    /// Collations are left out when there are none, so checksums of revisions applied before they
    /// existed stay the same.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(opclass, forKey: .opclass)
        try c.encode(descending, forKey: .descending)
        try c.encodeIfPresent(nulls, forKey: .nulls)
        try c.encodeUnlessDefault(collations, forKey: .collations)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            opclass: try c.decodeIfPresent(String.self, forKey: .opclass), descending: try c.decode(Bool.self, forKey: .descending),
            nulls: try c.decodeIfPresent(NullsOrder.self, forKey: .nulls),
            collations: try c.decodeIfPresent([DialectName: String].self, forKey: .collations) ?? [:])
    }
}
