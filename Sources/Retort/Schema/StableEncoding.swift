/// Revisions are checksummed over their JSON (`RevisionInfo.checksum`), and databases keep the
/// checksums of the revisions they applied: a type in a revision must encode exactly as it did when
/// those revisions were applied. The one idiom for that: a type that gained a detail after
/// revisions were applied writes its own `encode(to:)`, leaving the detail out while it has its
/// default (`encodeIfPresent` for optionals; `encodeUnlessDefault` below for flags and
/// collections), and its `init(from:)` reads a missing detail as the default. Adding a detail means
/// adding it that way; `ChecksumPinTests` (every operation, every optional field) and
/// `StableEncodingTests` (the JSON of each such type) fail otherwise.
extension KeyedEncodingContainer {
    /// Writes `true` for a set flag; a flag at its default (`false`) is left out.
    mutating func encodeUnlessDefault(_ flag: Bool, forKey key: Key) throws {
        if flag { try encode(true, forKey: key) }
    }

    /// Writes a collection unless it is empty (the default).
    mutating func encodeUnlessDefault<C: Collection & Encodable>(_ collection: C, forKey key: Key) throws {
        if !collection.isEmpty { try encode(collection, forKey: key) }
    }

    /// Writes a value unless it is the given default.
    mutating func encodeUnlessDefault<T: Encodable & Equatable>(_ value: T, forKey key: Key, default: T) throws {
        if value != `default` { try encode(value, forKey: key) }
    }
}

extension UniqueConstraint: Codable {
    private enum CodingKeys: String, CodingKey { case name, columns, deferrable, nullsNotDistinct }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(columns, forKey: .columns)
        try c.encodeIfPresent(deferrable, forKey: .deferrable)
        try c.encodeUnlessDefault(nullsNotDistinct, forKey: .nullsNotDistinct)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode([String].self, forKey: .columns), name: try c.decodeIfPresent(String.self, forKey: .name),
            deferrable: try c.decodeIfPresent(Deferrable.self, forKey: .deferrable),
            nullsNotDistinct: try c.decodeIfPresent(Bool.self, forKey: .nullsNotDistinct) ?? false)
    }
}

extension ForeignKey: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, columns, referencedTable, referencedColumns, onDelete, onUpdate, deferrable, matchFull, notValid
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(columns, forKey: .columns)
        try c.encode(referencedTable, forKey: .referencedTable)
        try c.encode(referencedColumns, forKey: .referencedColumns)
        try c.encode(onDelete, forKey: .onDelete)
        try c.encode(onUpdate, forKey: .onUpdate)
        try c.encodeIfPresent(deferrable, forKey: .deferrable)
        try c.encodeUnlessDefault(matchFull, forKey: .matchFull)
        try c.encodeUnlessDefault(notValid, forKey: .notValid)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode([String].self, forKey: .columns), references: try c.decode(String.self, forKey: .referencedTable),
            try c.decode([String].self, forKey: .referencedColumns), onDelete: try c.decode(ReferentialAction.self, forKey: .onDelete),
            onUpdate: try c.decode(ReferentialAction.self, forKey: .onUpdate), name: try c.decodeIfPresent(String.self, forKey: .name),
            deferrable: try c.decodeIfPresent(Deferrable.self, forKey: .deferrable),
            matchFull: try c.decodeIfPresent(Bool.self, forKey: .matchFull) ?? false,
            notValid: try c.decodeIfPresent(Bool.self, forKey: .notValid) ?? false)
    }
}

extension CheckConstraint: Codable {
    private enum CodingKeys: String, CodingKey { case name, expression, noInherit, notValid }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(expression, forKey: .expression)
        try c.encodeUnlessDefault(noInherit, forKey: .noInherit)
        try c.encodeUnlessDefault(notValid, forKey: .notValid)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decodeIfPresent(String.self, forKey: .name), try c.decode(String.self, forKey: .expression),
            noInherit: try c.decodeIfPresent(Bool.self, forKey: .noInherit) ?? false,
            notValid: try c.decodeIfPresent(Bool.self, forKey: .notValid) ?? false)
    }
}
