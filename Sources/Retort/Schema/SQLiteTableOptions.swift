/// How SQLite stores a table. `strict`: declared types are enforced, and only `INT`, `INTEGER`,
/// `REAL`, `TEXT`, `BLOB` and `ANY` may be declared (a model's types are written as the nearest of
/// these: booleans as INTEGER, dates, decimals and JSON as TEXT; `.native("ANY")` keeps any value
/// as given). `withoutRowID`: the primary key is the storage key (the table needs one, and has no
/// AUTOINCREMENT). PostgreSQL has neither and ignores them.
public struct SQLiteTableOptions: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `STRICT`.
    public static let strict = SQLiteTableOptions(rawValue: 1)
    /// `WITHOUT ROWID`.
    public static let withoutRowID = SQLiteTableOptions(rawValue: 2)

    /// The clauses after the column list, as SQLite writes them (`STRICT, WITHOUT ROWID`).
    var sql: String {
        [contains(.strict) ? "STRICT" : nil, contains(.withoutRowID) ? "WITHOUT ROWID" : nil].compactMap { $0 }.joined(separator: ", ")
    }

    /// The Swift literal (`[.strict, .withoutRowID]`).
    var literal: String {
        "[" + [contains(.strict) ? ".strict" : nil, contains(.withoutRowID) ? ".withoutRowID" : nil].compactMap { $0 }
            .joined(separator: ", ") + "]"
    }
}
