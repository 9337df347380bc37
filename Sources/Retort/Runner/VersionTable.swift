/// Retort's version table: one row per applied head.
struct VersionTable {
    static let name = RetortTables.version

    static var createSQL: String {
        "CREATE TABLE IF NOT EXISTS \(SQLText.quote(name)) (revision VARCHAR(255) NOT NULL PRIMARY KEY)"
    }

    /// The applied heads, or none when the table does not exist yet.
    static func heads(_ db: any DatabaseConnection) throws -> [String] {
        guard try db.dialect.implementation.hasTable(name, in: db) else { return [] }
        return try db.query("SELECT revision FROM \(SQLText.quote(name)) ORDER BY revision").compactMap { $0.first?.string }
    }

    /// Statements that move the recorded heads from `before` to `after`.
    static func updateSQL(from before: Set<String>, to after: Set<String>) -> [String] {
        let q = SQLText.quote(name)
        return before.subtracting(after).sorted().map { "DELETE FROM \(q) WHERE revision = \(SQLText.literal($0))" }
            + after.subtracting(before).sorted().map { "INSERT INTO \(q) (revision) VALUES (\(SQLText.literal($0)))" }
    }
}
