/// A lint rule's stable code (`RT101`), which revisions name to acknowledge a finding.
public struct LintCode: RawRepresentable, Hashable, Sendable, Codable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (a: LintCode, b: LintCode) -> Bool { a.rawValue < b.rawValue }
}

/// How bad a finding is: an error fails `lint` unless the revision acknowledges it.
public enum LintSeverity: String, Hashable, Sendable, Codable {
    /// Fails `lint` unless the revision acknowledges it.
    case error
    /// Reported; never fails `lint`.
    case warning
}

/// What a rule is about.
public enum LintCategory: String, Hashable, Sendable, Codable {
    /// Rows or columns are deleted.
    case dataLoss = "data loss"
    /// Locks that block reads or writes, and table rewrites.
    case locking = "locks and rewrites"
    /// Code deployed before the change stops working.
    case compatibility = "compatibility with the running application"
    /// SQLite rebuilds the table to make the change.
    case sqlite = "SQLite"
}

/// One dangerous operation found in a revision.
public struct LintFinding: Hashable, Sendable, Codable {
    /// The rule that found it.
    public var code: LintCode
    /// Whether it fails `lint`.
    public var severity: LintSeverity
    /// The revision it is in.
    public var revision: String
    /// The table the operation changes, if one.
    public var table: String?
    /// The operation, in one line.
    public var operation: String
    /// Why it is dangerous.
    public var why: String
    /// The safe way.
    public var fix: String
    /// The revision lists the code in its `allow`: reported, never failing.
    public var acknowledged: Bool

    /// `error RT102 r…_01 tareas: drop column tareas.x — why; fix` in one line.
    public var line: String {
        let head = acknowledged ? "allowed" : severity.rawValue
        return "\(head) \(code) \(revision)\(table.map { " \($0)" } ?? ""): \(operation): \(why); \(fix)"
    }

    /// `error RT102 r…_01 tareas: why`: the line without the operation (which names the table's
    /// size), the same for every database the revision is linted against (a fleet groups by it).
    public var headline: String {
        "\(acknowledged ? "allowed" : severity.rawValue) \(code) \(revision)\(table.map { " \($0)" } ?? ""): \(why)"
    }
}

/// What a rule knows about the operation it looks at.
public struct LintContext: Sendable {
    /// The dialect the revisions are linted for.
    public var dialect: DialectName
    /// The schema just before the operation.
    public var before: Schema
    /// The schema once the whole revision has run (what a later step of it creates counts).
    public var after: Schema
    /// Tables created earlier in the same revision (new tables are empty: no lock matters).
    public var createdInRevision: Set<String>
    /// Row counts (estimates on PostgreSQL) of tables, when linting against a live database.
    public var rows: [String: Int64]
    /// From this many rows a table counts as large: lock and rewrite findings become errors.
    public var largeTableRows: Int64

    /// True when the table existed before this revision (so it may hold rows and serve traffic).
    public func isExisting(_ table: String) -> Bool {
        before.table(table) != nil && !createdInRevision.contains(table)
    }

    /// `warning`, or `error` when the table is known to be large.
    public func sizeSeverity(_ table: String) -> LintSeverity {
        (rows[table] ?? 0) >= largeTableRows ? .error : .warning
    }

    /// A size remark for messages: ` (about 1200000 rows)` when known.
    public func size(_ table: String) -> String { rows[table].map { " (about \($0) rows)" } ?? "" }
}

extension LintContext {
    /// A column's type as the dialect stores it, so that rules compare what the database compares.
    func comparableType(_ c: Column) -> ColumnType {
        switch dialect {
        case .postgres: return PostgresDialect.parseType(PostgresDialect.typeSQL(c))
        case .sqlite: return TypeNames.parse(SQLiteDialect.typeSQL(c))
        }
    }
}
