/// An exclusion constraint (PostgreSQL): no two rows may have keys that all match by their
/// operators (`EXCLUDE USING gist (room_id WITH =, during WITH &&)`), optionally only among rows
/// a predicate admits. Compared by meaning (the server's spelling, read back from the scratch
/// schema); part of its table; dropped and added again when it changes. An `=` on a scalar column
/// in a GiST constraint needs the `btree_gist` extension, which the models declare. SQLite has
/// none: left out there, with a note.
public struct ExclusionConstraint: Hashable, Sendable {
    /// One key of the constraint and the operator rows are compared with.
    public struct Element: Hashable, Sendable, Codable {
        /// A column, or an expression over the row's columns.
        public var key: IndexKey
        /// The operator (`=`, `&&`).
        public var `operator`: String

        /// A column compared with an operator: `.init("room_id", "=")`.
        public init(_ column: String, _ operator: String) {
            self.init(key: .column(column), `operator`)
        }

        /// A key compared with an operator: `.init(key: .expression("tstzrange(starts, ends)"), "&&")`.
        public init(key: IndexKey, _ operator: String) {
            self.key = key
            self.operator = `operator`
        }
    }

    /// The constraint's name (unique per table).
    public var name: String
    /// The index access method (`gist` as a rule; `spgist`, `btree`, `hash`).
    public var method: String
    /// The keys and their operators.
    public var elements: [Element]
    /// `WHERE`: only rows this admits are compared.
    public var predicate: String?
    /// `DEFERRABLE [INITIALLY DEFERRED]`.
    public var deferrable: Deferrable?
    /// Its comment.
    public var comment: String?

    /// `ExclusionConstraint("no_double_booking", [.init("room_id", "="), .init("during", "&&")])`.
    public init(
        _ name: String, using method: String = "gist", _ elements: [Element], where predicate: String? = nil, deferrable: Deferrable? = nil,
        comment: String? = nil
    ) {
        self.name = name
        self.method = method
        self.elements = elements
        self.predicate = predicate
        self.deferrable = deferrable
        self.comment = comment
    }

    /// The constraint as `ADD CONSTRAINT` takes it after the name: `EXCLUDE USING gist (…) WHERE (…)`.
    var sql: String {
        let keys = elements.map { e -> String in
            switch e.key {
            case .column(let c): return "\(SQLText.quote(c)) WITH \(e.operator)"
            case .expression(let x): return "(\(x)) WITH \(e.operator)"
            }
        }
        var s = "EXCLUDE USING \(SQLText.quote(method)) (\(keys.joined(separator: ", ")))"
        if let p = predicate { s += " WHERE (\(p))" }
        if let d = deferrable { s += " " + d.sql }
        return s
    }

}

extension ExclusionConstraint: Codable {
    private enum CodingKeys: String, CodingKey { case name, method, elements, predicate, deferrable, comment }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeUnlessDefault(method, forKey: .method, default: "gist")
        try c.encode(elements, forKey: .elements)
        try c.encodeIfPresent(predicate, forKey: .predicate)
        try c.encodeIfPresent(deferrable, forKey: .deferrable)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), using: try c.decodeIfPresent(String.self, forKey: .method) ?? "gist",
            try c.decode([Element].self, forKey: .elements), where: try c.decodeIfPresent(String.self, forKey: .predicate),
            deferrable: try c.decodeIfPresent(Deferrable.self, forKey: .deferrable), comment: try c.decodeIfPresent(String.self, forKey: .comment))
    }
}

extension ExclusionConstraint: TableElement {
    /// Adds the exclusion constraint to the table.
    public func apply(to table: inout Table) { table.exclusionConstraints.append(self) }
}
