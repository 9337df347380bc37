/// How a partitioned table (PostgreSQL) splits its rows: `PARTITION BY RANGE/LIST/HASH` over
/// columns or expressions, and its partitions. SQLite has no partitions: there the table is a plain
/// table holding every row, with a note.
///
/// The key cannot change once the table exists (PostgreSQL has no statement for it): a model that
/// changes it is refused with a one-line message. Partitions come and go, and a partition's bound
/// changes by `DETACH PARTITION` and `ATTACH PARTITION`, which keeps its rows.
public struct Partitioning: Hashable, Sendable, Codable {
    /// How rows are assigned to partitions.
    public enum Strategy: String, Hashable, Sendable, Codable, CaseIterable {
        /// By ranges of the key (`FOR VALUES FROM (…) TO (…)`).
        case range = "RANGE"
        /// By lists of key values (`FOR VALUES IN (…)`).
        case list = "LIST"
        /// By the key's hash (`FOR VALUES WITH (MODULUS m, REMAINDER r)`).
        case hash = "HASH"
    }

    /// How rows are assigned.
    public var strategy: Strategy
    /// The partition key: columns, or expressions over them.
    public var keys: [IndexKey]
    /// The partitions, each a table of its own that holds the rows its bound admits.
    public var partitions: [Partition]

    /// `Partitioning(.range, on: ["payment_date"], partitions: [Partition("payment_2022", .range(from: ["'2022-01-01'"], to: ["'2023-01-01'"]))])`.
    public init(_ strategy: Strategy, on columns: [String], partitions: [Partition] = []) {
        self.init(strategy, keys: columns.map(IndexKey.column), partitions: partitions)
    }

    /// Partitioning by columns or expressions: `Partitioning(.list, keys: [.expression("lower(region)")])`.
    public init(_ strategy: Strategy, keys: [IndexKey], partitions: [Partition] = []) {
        self.strategy = strategy
        self.keys = keys
        self.partitions = partitions
    }

    /// The clause after the columns: `PARTITION BY RANGE ("payment_date")`.
    var sql: String {
        let keys = keys.map { key -> String in
            switch key {
            case .column(let name): return SQLText.quote(name)
            case .expression(let e): return "(\(e))"
            }
        }
        return "PARTITION BY \(strategy.rawValue) (\(keys.joined(separator: ", ")))"
    }

    /// Every partition at every level with the name of the table or partition it belongs to, parents first.
    func flattened(parent: String) -> [(parent: String, partition: Partition)] {
        partitions.flatMap { p in [(parent, p)] + (p.partitioning?.flattened(parent: p.name) ?? []) }
    }

    /// The partition with this name, at any level.
    func partition(named name: String) -> Partition? {
        for p in partitions {
            if p.name == name { return p }
            if let found = p.partitioning?.partition(named: name) { return found }
        }
        return nil
    }

    /// Puts `partition` under `parent` (this table, when `parent` is `table`, or a partition at any
    /// level), replacing one of the same name; false when no such parent is here.
    mutating func insert(_ partition: Partition, under parent: String, table: String) -> Bool {
        if parent == table {
            if let i = partitions.firstIndex(where: { $0.name == partition.name }) { partitions[i] = partition } else { partitions.append(partition) }
            return true
        }
        for i in partitions.indices {
            let name = partitions[i].name
            if partitions[i].partitioning?.insert(partition, under: parent, table: name) == true { return true }
        }
        return false
    }

    /// Removes the partition with this name (and what it holds), at any level.
    mutating func remove(named name: String) {
        partitions.removeAll { $0.name == name }
        for i in partitions.indices { partitions[i].partitioning?.remove(named: name) }
    }
}

/// The values a partition holds, as SQL expressions the way `CREATE TABLE … PARTITION OF` takes
/// them (`'2022-01-01'`, `MINVALUE`, `NULL`); compared by meaning, as the server spells them.
public enum PartitionBound: Hashable, Sendable, Codable {
    /// `FOR VALUES FROM (from…) TO (to…)`: one value per key column; `MINVALUE`/`MAXVALUE` allowed.
    case range(from: [String], to: [String])
    /// `FOR VALUES IN (values…)`.
    case list([String])
    /// `FOR VALUES WITH (MODULUS m, REMAINDER r)`.
    case hash(modulus: Int, remainder: Int)
    /// `DEFAULT`: the rows no other partition admits.
    case `default`

    /// The bound as `CREATE TABLE … PARTITION OF` and `ATTACH PARTITION` take it.
    var sql: String {
        switch self {
        case .range(let from, let to): return "FOR VALUES FROM (\(from.joined(separator: ", "))) TO (\(to.joined(separator: ", ")))"
        case .list(let values): return "FOR VALUES IN (\(values.joined(separator: ", ")))"
        case .hash(let modulus, let remainder): return "FOR VALUES WITH (MODULUS \(modulus), REMAINDER \(remainder))"
        case .default: return "DEFAULT"
        }
    }

    /// The bound with each value mapped (normalized, say).
    func mapValues(_ transform: (String) -> String) -> PartitionBound {
        switch self {
        case .range(let from, let to): return .range(from: from.map(transform), to: to.map(transform))
        case .list(let values): return .list(values.map(transform))
        case .hash, .default: return self
        }
    }
}

/// One partition of a partitioned table: a table of its own, with the parent's columns, keys and
/// indexes, that holds the rows its bound admits. It may be partitioned in turn (sub-partitions)
/// and have indexes of its own besides the parent's. Part of its table's revision.
public struct Partition: Hashable, Sendable {
    /// The partition's name (a table name: unique among the schema's tables and partitions).
    public var name: String
    /// The rows it holds.
    public var bound: PartitionBound
    /// How it is partitioned in turn, if it is.
    public var partitioning: Partitioning?
    /// Its own indexes (the parent's indexes are on every partition already, and not listed).
    public var indexes: [Index]
    /// Its comment.
    public var comment: String?

    /// A partition: `Partition("payment_2022_01", .range(from: ["'2022-01-01'"], to: ["'2022-02-01'"]))`.
    public init(_ name: String, _ bound: PartitionBound, partitioning: Partitioning? = nil, indexes: [Index] = [], comment: String? = nil) {
        self.name = name
        self.bound = bound
        self.partitioning = partitioning
        self.indexes = indexes
        self.comment = comment
    }

    /// The partition without what it holds in turn: its own attributes only.
    var own: Partition {
        var p = self
        p.partitioning?.partitions = []
        return p
    }
}

extension Partition: Codable {
    private enum CodingKeys: String, CodingKey { case name, bound, partitioning, indexes, comment }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(bound, forKey: .bound)
        try c.encodeIfPresent(partitioning, forKey: .partitioning)
        try c.encodeUnlessDefault(indexes, forKey: .indexes)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), try c.decode(PartitionBound.self, forKey: .bound),
            partitioning: try c.decodeIfPresent(Partitioning.self, forKey: .partitioning),
            indexes: try c.decodeIfPresent([Index].self, forKey: .indexes) ?? [], comment: try c.decodeIfPresent(String.self, forKey: .comment))
    }
}

extension Partitioning: TableElement {
    /// Makes the table partitioned.
    public func apply(to table: inout Table) { table.partitioning = self }
}

extension Table {
    /// Every partition at every level, with the table or partition each belongs to, parents first.
    public var allPartitions: [(parent: String, partition: Partition)] { partitioning?.flattened(parent: name) ?? [] }
}
