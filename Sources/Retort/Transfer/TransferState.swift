import Foundation

/// The state a transfer keeps in the target database: one row per table (`copied`, `verified`
/// or `mismatch`) and the rejected rows, so that `--resume` and `--verify-only` work in a later run.
struct TransferState {
    let db: PostgresConnection
    static let tables = RetortTables.transfer
    static let rejects = RetortTables.transferRejects
    static let keys = RetortTables.transferKeys
    static let forced = RetortTables.transferForced

    /// A table's recorded state.
    struct Entry {
        var status: String
        var rejected: Int
    }

    /// Creates the state tables if they are missing.
    func prepare() throws {
        try db.executeScript(
            """
            CREATE TABLE IF NOT EXISTS \(SQLText.quote(Self.tables)) (
                table_name text PRIMARY KEY, status text NOT NULL, source_rows bigint, rejected_rows bigint NOT NULL DEFAULT 0,
                target_rows bigint, checksum text, updated_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS \(SQLText.quote(Self.rejects)) (
                table_name text NOT NULL, source_row text NOT NULL, row_key text NOT NULL, column_name text,
                value text, reason text NOT NULL);
            CREATE TABLE IF NOT EXISTS \(SQLText.quote(Self.keys)) (
                table_name text NOT NULL, name text NOT NULL, definition text NOT NULL, PRIMARY KEY (table_name, name));
            CREATE TABLE IF NOT EXISTS \(SQLText.quote(Self.forced)) (table_name text PRIMARY KEY);
            """)
    }

    /// True when the state tables exist.
    func exists() throws -> Bool {
        try db.query("SELECT to_regclass($1) IS NOT NULL", [.text(SQLText.quote(Self.tables))]).first?.first?.int == 1
    }

    /// Every recorded table state.
    func entries() throws -> [String: Entry] {
        guard try exists() else { return [:] }
        let sql = "SELECT table_name AS \"table\", status AS \"status\", rejected_rows AS \"rejected\" FROM \(SQLText.quote(Self.tables))"
        let rows = try CatalogRow.decode(try db.queryResult(sql, []), as: EntryRow.self)
        return Dictionary(rows.map { ($0.table, Entry(status: $0.status, rejected: $0.rejected)) }) { a, _ in a }
    }

    /// A row of the table-state table.
    private struct EntryRow: CatalogRecord {
        var table: String
        var status: String
        var rejected: Int

        init(_ row: CatalogRow) {
            table = row.string("table") ?? ""
            status = row.string("status") ?? ""
            rejected = Int(row.int("rejected") ?? 0)
        }
    }

    /// A row of the detached-keys table: the key as JSON.
    private struct DetachedKeyRow: CatalogRecord {
        var table: String
        var definition: String

        init(_ row: CatalogRow) {
            table = row.string("table") ?? ""
            definition = row.string("definition") ?? ""
        }
    }

    /// Foreign keys dropped for the copy and not yet added back: (table, key).
    func detachedKeys() throws -> [(table: String, key: ForeignKey)] {
        guard try exists() else { return [] }
        let sql = "SELECT table_name AS \"table\", definition AS \"definition\" FROM \(SQLText.quote(Self.keys)) ORDER BY table_name, name"
        return try CatalogRow.decode(try db.queryResult(sql, []), as: DetachedKeyRow.self).compactMap { row in
            guard let key = try? JSONDecoder().decode(ForeignKey.self, from: Data(row.definition.utf8)) else { return nil }
            return (row.table, key)
        }
    }

    /// Drops a foreign key for the copy, remembering it, in one transaction.
    func detach(_ key: ForeignKey, from table: String) throws {
        let json = String(decoding: try JSONEncoder().encode(key), as: UTF8.self)
        try db.inTransaction { _ in
            try db.execute(
                "INSERT INTO \(SQLText.quote(Self.keys)) (table_name, name, definition) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                [.text(table), .text(key.name ?? ""), .text(json)])
            try db.execute("ALTER TABLE \(SQLText.quote(table)) DROP CONSTRAINT \(SQLText.quote(key.name ?? ""))")
        }
    }

    /// Adds a detached key back (NOT VALID, then validated) and forgets it, in one transaction;
    /// `schema` is the target as read once for all the keys.
    func reattach(_ key: ForeignKey, to table: String, in schema: Schema) throws {
        let dialect = PostgresDialect()
        var notValid = key
        notValid.notValid = true
        let statements = try dialect.render(
            [.addConstraint(table: table, constraint: .foreignKey(notValid)), .validateConstraint(table: table, name: key.name ?? "")],
            from: schema)
        try db.inTransaction { _ in
            for s in statements { try db.executeScript(dialect.scriptSQL(s)) }
            try db.execute("DELETE FROM \(SQLText.quote(Self.keys)) WHERE table_name = $1 AND name = $2", [.text(table), .text(key.name ?? "")])
        }
    }

    /// Lifts `FORCE ROW LEVEL SECURITY` from the tables that have it, remembering each, so that
    /// policies hide no row from the copy or its verification (the owner is not held to them then).
    func liftForcedRowSecurity(_ tables: [String]) throws {
        guard !tables.isEmpty else { return }
        let names = String(decoding: try JSONEncoder().encode(tables), as: UTF8.self)
        let forced = try db.query(
            "SELECT c.relname::text FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relforcerowsecurity"
                + " AND c.relname IN (SELECT json_array_elements_text($1::json))",
            [.text(names)]
        ).compactMap { $0.first?.string }
        guard !forced.isEmpty else { return }
        try db.executeScript("CREATE TABLE IF NOT EXISTS \(SQLText.quote(Self.forced)) (table_name text PRIMARY KEY)")
        for table in forced {
            try db.inTransaction { _ in
                try db.execute("INSERT INTO \(SQLText.quote(Self.forced)) (table_name) VALUES ($1) ON CONFLICT DO NOTHING", [.text(table)])
                try db.execute("ALTER TABLE \(SQLText.quote(table)) NO FORCE ROW LEVEL SECURITY")
            }
        }
    }

    /// Puts back every `FORCE ROW LEVEL SECURITY` a transfer lifted (this one or one that failed).
    func restoreForcedRowSecurity() throws {
        guard try db.query("SELECT to_regclass($1) IS NOT NULL", [.text(SQLText.quote(Self.forced))]).first?.first?.int == 1 else { return }
        let tables = try db.query("SELECT table_name FROM \(SQLText.quote(Self.forced)) ORDER BY 1").compactMap { $0.first?.string }
        for table in tables {
            try db.inTransaction { _ in
                try db.execute("ALTER TABLE \(SQLText.quote(table)) FORCE ROW LEVEL SECURITY")
                try db.execute("DELETE FROM \(SQLText.quote(Self.forced)) WHERE table_name = $1", [.text(table)])
            }
        }
    }

    /// Forgets a table (before it is copied again).
    func reset(_ table: String) throws {
        guard try exists() else { return }
        try db.execute("DELETE FROM \(SQLText.quote(Self.tables)) WHERE table_name = $1", [.text(table)])
        try db.execute("DELETE FROM \(SQLText.quote(Self.rejects)) WHERE table_name = $1", [.text(table)])
    }

    /// Records a table's state.
    func record(_ table: String, status: String, sourceRows: Int? = nil, rejected: Int? = nil, targetRows: Int? = nil, checksum: String? = nil)
        throws
    {
        try db.execute(
            """
            INSERT INTO \(SQLText.quote(Self.tables)) (table_name, status, source_rows, rejected_rows, target_rows, checksum)
            VALUES ($1, $2, $3, COALESCE($4, 0), $5, $6)
            ON CONFLICT (table_name) DO UPDATE SET status = EXCLUDED.status,
                source_rows = COALESCE(EXCLUDED.source_rows, \(SQLText.quote(Self.tables)).source_rows),
                rejected_rows = COALESCE($4, \(SQLText.quote(Self.tables)).rejected_rows),
                target_rows = COALESCE(EXCLUDED.target_rows, \(SQLText.quote(Self.tables)).target_rows),
                checksum = COALESCE(EXCLUDED.checksum, \(SQLText.quote(Self.tables)).checksum), updated_at = now()
            """,
            [.text(table), .text(status), sourceRows.map { .integer(Int64($0)) } ?? .null, rejected.map { .integer(Int64($0)) } ?? .null,
             targetRows.map { .integer(Int64($0)) } ?? .null, checksum.map(SQLValue.text) ?? .null])
    }

    /// Stores rejected rows, in statements of at most 500 rows.
    func store(_ list: [Reject]) throws {
        for start in stride(from: 0, to: list.count, by: 500) {
            let chunk = list[start..<min(start + 500, list.count)]
            var values: [String] = []
            var parameters: [SQLValue] = []
            for r in chunk {
                let n = parameters.count
                values.append("($\(n + 1), $\(n + 2), $\(n + 3), $\(n + 4), $\(n + 5), $\(n + 6))")
                parameters += [.text(r.table), .text(r.sourceRow), .text(r.key), r.column.map(SQLValue.text) ?? .null,
                               r.value.map(SQLValue.text) ?? .null, .text(r.reason)]
            }
            try db.execute(
                "INSERT INTO \(SQLText.quote(Self.rejects)) (table_name, source_row, row_key, column_name, value, reason) VALUES "
                    + values.joined(separator: ", "), parameters)
        }
    }

    /// The rejected rows recorded for a table (or all tables).
    func rejected(_ table: String? = nil) throws -> [Reject] {
        guard try exists() else { return [] }
        let sql = """
            SELECT table_name AS "table", source_row AS "sourceRow", row_key AS "key", column_name AS "column", value AS "value",
                   reason AS "reason" FROM \(SQLText.quote(Self.rejects))
            """
            + (table == nil ? "" : " WHERE table_name = $1") + " ORDER BY table_name, source_row"
        return try CatalogRow.decode(try db.queryResult(sql, table.map { [.text($0)] } ?? []), as: Reject.self)
    }
}

/// A source value (or row) that could not be copied exactly.
public struct Reject: Hashable, Sendable, Codable {
    /// The table of the rejected row.
    public var table: String
    /// The row's identity in the source (its rowid, or its key).
    public var sourceRow: String
    /// The row's primary key as `column=value` pairs (or `rowid=N`).
    public var key: String
    /// The column whose value was refused, if one.
    public var column: String?
    /// The value refused, as text.
    public var value: String?
    /// Why it was refused.
    public var reason: String

    /// One line for a report.
    public var line: String {
        "\(table) [\(key)]" + (column.map { " \($0)" } ?? "") + (value.map { " = \($0.debugDescription)" } ?? "") + ": \(reason)"
    }
}

extension Reject: CatalogRecord {
    /// A row of the rejects table, its columns named as the fields.
    init(_ row: CatalogRow) {
        table = row.string("table") ?? ""
        sourceRow = row.string("sourceRow") ?? ""
        key = row.string("key") ?? ""
        column = row.string("column")
        value = row.string("value")
        reason = row.string("reason") ?? ""
    }
}
