/// PostgreSQL statements for partitions, and the reading of partition keys and bounds as the
/// server prints them (`pg_get_partkeydef`, `pg_get_expr(relpartbound, …)`).
enum PostgresPartitionSQL {
    static let q = SQLText.quote

    /// `CREATE TABLE … PARTITION OF parent bound [PARTITION BY …]`, its own indexes and comment, and
    /// the partitions it holds in turn.
    static func create(_ p: Partition, of parent: String) -> [String] {
        var sql = ["CREATE TABLE \(q(p.name)) PARTITION OF \(q(parent)) \(p.bound.sql)" + (p.partitioning.map { " " + $0.sql } ?? "")]
        sql += p.indexes.flatMap { PostgresRenderer.createIndex($0, on: p.name) }
        if p.comment != nil { sql.append(comment(p)) }
        for child in p.partitioning?.partitions ?? [] { sql += create(child, of: p.name) }
        return sql
    }

    /// The partitions of a table just created.
    static func createPartitions(of t: Table) -> [String] {
        (t.partitioning?.partitions ?? []).flatMap { create($0, of: t.name) }
    }

    /// `DROP TABLE`: the partition, its rows and what it holds in turn.
    static func drop(_ p: Partition) -> [String] { ["DROP TABLE \(q(p.name))"] }

    /// What changes in place: a new bound by `DETACH PARTITION` and `ATTACH PARTITION` (the rows
    /// stay; attaching checks them against the new bound), its own indexes, its comment.
    static func replace(_ old: Partition, with p: Partition, of parent: String) -> [String] {
        var sql: [String] = []
        if old.bound != p.bound {
            sql.append("ALTER TABLE \(q(parent)) DETACH PARTITION \(q(p.name))")
            sql.append("ALTER TABLE \(q(parent)) ATTACH PARTITION \(q(p.name)) \(p.bound.sql)")
        }
        for i in old.indexes where !p.indexes.contains(i) { sql.append("DROP INDEX \(q(i.name ?? ""))") }
        for i in p.indexes where !old.indexes.contains(i) { sql += PostgresRenderer.createIndex(i, on: p.name) }
        if old.comment != p.comment { sql.append(comment(p)) }
        return sql
    }

    static func comment(_ p: Partition) -> String {
        "COMMENT ON TABLE \(q(p.name)) IS \(p.comment.map(SQLText.literal) ?? "NULL")"
    }

    /// The key as `pg_get_partkeydef` prints it: `RANGE (payment_date)`, `LIST (lower(name))`,
    /// `RANGE (a, ((b + 1)))`. A key that is one name is a column; anything else an expression.
    static func parseKey(_ text: String) -> Partitioning? {
        let tokens = SQLTokenizer.tokenize(text)
        guard let first = tokens.first, let strategy = Partitioning.Strategy(rawValue: first.value.uppercased()),
            tokens.count >= 3, tokens[1].isPunctuation("("), SQLTokenizer.matchingParen(tokens[...], from: 1) == tokens.count - 1
        else { return nil }
        let keys = SQLTokenizer.splitTopLevel(tokens[2..<(tokens.count - 1)]).map { part -> IndexKey in
            if part.count == 1, let name = part.first, name.kind == .word || name.kind == .quotedIdentifier { return .column(name.value) }
            return .expression(SQLTokenizer.unwrapped(part, in: text))
        }
        return Partitioning(strategy, keys: keys)
    }

    /// The bound as `pg_get_expr(relpartbound, …)` prints it.
    static func parseBound(_ text: String) -> PartitionBound? {
        let tokens = SQLTokenizer.tokenize(text)
        if tokens.count == 1, tokens[0].isKeyword("DEFAULT") { return .default }
        guard tokens.count > 3, tokens[0].isKeyword("FOR"), tokens[1].isKeyword("VALUES") else { return nil }
        /// The values in the parentheses that open at `open`, and where they close.
        func list(from open: Int) -> (values: [String], close: Int)? {
            guard open < tokens.count, tokens[open].isPunctuation("("), let close = SQLTokenizer.matchingParen(tokens[...], from: open) else { return nil }
            let values = SQLTokenizer.splitTopLevel(tokens[(open + 1)..<close]).map { String(text[$0.first!.range.lowerBound..<$0.last!.range.upperBound]) }
            return (values, close)
        }
        if tokens[2].isKeyword("IN"), let (values, _) = list(from: 3) { return .list(values) }
        if tokens[2].isKeyword("FROM"), let (from, close) = list(from: 3), close + 1 < tokens.count, tokens[close + 1].isKeyword("TO"),
            let (to, _) = list(from: close + 2)
        {
            return .range(from: from, to: to)
        }
        if tokens[2].isKeyword("WITH"), let (values, _) = list(from: 3), values.count == 2 {
            let numbers = values.map { $0.split(separator: " ").last.flatMap { Int($0) } }
            if let m = numbers[0], let r = numbers[1] { return .hash(modulus: m, remainder: r) }
        }
        return nil
    }
}
