/// Retort's version table: one row per applied head.
struct VersionTable {
    static let name = RetortTables.version

    static var createSQL: String {
        "CREATE TABLE IF NOT EXISTS \(SQLText.quote(name)) (revision VARCHAR(255) NOT NULL PRIMARY KEY)"
    }

    /// The applied heads, or none when the table does not exist yet; a table changed by hand
    /// (a NULL or repeated row) is a `BookkeepingError`, never read past.
    static func heads(_ db: any DatabaseConnection) throws -> [String] {
        try heads(rows: try rows(db))
    }

    /// The heads the table's `rows` record (see `heads(_:)`).
    static func heads(rows: [String?]) throws -> [String] {
        if rows.contains(nil) {
            throw BookkeepingError(problem: "the version table \(name) holds a NULL row")
        }
        let ids = rows.compactMap { $0 }
        if let repeated = Dictionary(grouping: ids, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw BookkeepingError(problem: "the version table \(name) records revision \(repeated) more than once")
        }
        return ids.sorted()
    }

    /// Every row as stored, NULLs and repeats included (what `stamp` repairs).
    static func rows(_ db: any DatabaseConnection) throws -> [String?] {
        guard try db.dialect.implementation.hasTable(name, in: db) else { return [] }
        return try db.query("SELECT revision FROM \(SQLText.quote(name)) ORDER BY revision").map { $0.first?.string }
    }

    /// Empties the table, whatever it holds (`stamp` then records the heads it is told).
    static var clearSQL: String { "DELETE FROM \(SQLText.quote(name))" }

    /// Statements that move the recorded heads from `before` to `after`.
    static func updateSQL(from before: Set<String>, to after: Set<String>) -> [String] {
        let q = SQLText.quote(name)
        return before.subtracting(after).sorted().map { "DELETE FROM \(q) WHERE revision = \(SQLText.literal($0))" }
            + after.subtracting(before).sorted().map { "INSERT INTO \(q) (revision) VALUES (\(SQLText.literal($0)))" }
    }
}
