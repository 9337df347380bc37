/// The `retort_progress` table: how many steps of a non-transactional revision have finished, so a
/// run killed part-way resumes where it stopped. A row lives only while its revision is under way.
struct ProgressTable {
    static let name = RetortTables.progress

    static var createSQL: String {
        """
        CREATE TABLE IF NOT EXISTS \(SQLText.quote(name)) (revision VARCHAR(255) NOT NULL, direction VARCHAR(16) NOT NULL, \
        steps INTEGER NOT NULL, position TEXT, PRIMARY KEY (revision, direction))
        """
    }

    /// The steps of `revision` (in `direction`) recorded as finished, and where the next one (a
    /// batched update) had got to.
    static func done(_ db: any DatabaseConnection, revision: String, direction: String) throws -> (steps: Int, position: String?) {
        let sql = """
            SELECT steps AS "steps", position AS "position" FROM \(SQLText.quote(name))
            WHERE revision = \(SQLText.literal(revision)) AND direction = \(SQLText.literal(direction))
            """
        let row = try CatalogRow.decode(try db.queryResult(sql, []), as: Progress.self).first
        return (row?.steps ?? 0, row?.position)
    }

    /// A row of the progress table.
    private struct Progress: CatalogRecord {
        var steps: Int
        var position: String?

        init(_ row: CatalogRow) {
            steps = Int(row.int("steps") ?? 0)
            position = row.string("position")
        }
    }

    /// Records that the first `steps` steps have finished, and the next one's position.
    static func recordSQL(revision: String, direction: String, steps: Int, position: String? = nil) -> String {
        """
        INSERT INTO \(SQLText.quote(name)) (revision, direction, steps, position) \
        VALUES (\(SQLText.literal(revision)), \(SQLText.literal(direction)), \(steps), \(position.map(SQLText.literal) ?? "NULL")) \
        ON CONFLICT (revision, direction) DO UPDATE SET steps = excluded.steps, position = excluded.position
        """
    }

    /// Forgets the revision's progress (it finished).
    static func clearSQL(revision: String) -> String {
        "DELETE FROM \(SQLText.quote(name)) WHERE revision = \(SQLText.literal(revision))"
    }
}
