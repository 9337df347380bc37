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

    /// The constraint as `pg_get_constraintdef` prints it: `EXCLUDE USING gist (room WITH =, ((a + b)) WITH &&) WHERE ((room > 0)) DEFERRABLE`.
    static func parse(name: String, definition text: String) -> ExclusionConstraint? {
        let tokens = SQLTokenizer.tokenize(text)
        guard tokens.count > 4, tokens[0].isKeyword("EXCLUDE"), tokens[1].isKeyword("USING"), tokens[3].isPunctuation("("),
            let close = SQLTokenizer.matchingParen(tokens[...], from: 3)
        else { return nil }
        var elements: [Element] = []
        for part in SQLTokenizer.splitTopLevel(tokens[4..<close]) {
            // The operator follows the last WITH at the top level.
            var depth = 0, with: Int?
            for i in part.indices {
                if part[i].isPunctuation("(") { depth += 1 }
                if part[i].isPunctuation(")") { depth -= 1 }
                if depth == 0, part[i].isKeyword("WITH") { with = i }
            }
            guard let w = with, w > part.startIndex, w + 1 < part.endIndex else { return nil }
            let keyTokens = part[part.startIndex..<w]
            let op = String(text[part[w + 1].range.lowerBound..<part.last!.range.upperBound])
            if keyTokens.count == 1, let k = keyTokens.first, k.kind == .word || k.kind == .quotedIdentifier {
                elements.append(Element(k.value, op))
            } else {
                elements.append(Element(key: .expression(PostgresPartitionSQL.unwrapped(keyTokens, in: text)), op))
            }
        }
        var constraint = ExclusionConstraint(name, using: tokens[2].value, elements)
        var i = close + 1
        if i < tokens.count, tokens[i].isKeyword("WHERE"), i + 1 < tokens.count, tokens[i + 1].isPunctuation("("),
            let end = SQLTokenizer.matchingParen(tokens[...], from: i + 1)
        {
            constraint.predicate = PostgresPartitionSQL.unwrapped(tokens[(i + 1)...end], in: text)
            i = end + 1
        }
        let rest = tokens[i...].map { $0.value.uppercased() }
        if rest.contains("DEFERRABLE") && !rest.starts(with: ["NOT"]) {
            constraint.deferrable = rest.contains("DEFERRED") ? .initiallyDeferred : .initiallyImmediate
        }
        return constraint
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
