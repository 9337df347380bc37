/// One statement of rendered SQL, or a check that stops the revision.
public struct Statement: Hashable, Sendable {
    /// The statement's SQL.
    public var sql: String
    /// False for statements that must run outside a transaction (e.g. `CREATE INDEX CONCURRENTLY`).
    public var transactional: Bool
    /// Set for a check: `sql` is then a query returning one count, and a count above zero (or an
    /// error while counting) fails the revision with this message.
    public var failureMessage: String?
    /// What the counted rows do, for the failure message (`3 row(s) would change`).
    public var countedRows = "would change"

    /// A statement; transactional unless told otherwise.
    public init(_ sql: String, transactional: Bool = true) {
        self.sql = sql
        self.transactional = transactional
    }

    /// A check: `countQuery` returns how many rows are in the way; any fails with `message`.
    public static func check(_ countQuery: String, failing message: String, rows: String = "would change") -> Statement {
        var s = Statement(countQuery)
        s.failureMessage = message
        s.countedRows = rows
        return s
    }

    /// Runs the statement; a check that finds rows throws a `DatabaseError` naming how many.
    public func run(on db: any DatabaseConnection) throws {
        guard let message = failureMessage else { return try db.executeScript(sql) }
        let count: Int64
        do {
            count = try db.query(sql).first?.first?.int ?? 0
        } catch let error as DatabaseError {
            throw DatabaseError("\(message): \(error.message)", sql: sql)
        }
        if count > 0 { throw DatabaseError("\(message): \(count) row(s) \(countedRows)", sql: sql) }
    }
}

/// What a dialect's schema holds and refuses, as far as comparing and planning care.
public struct DialectTraits: Sendable {
    /// Enum types and sequences are objects of their own (PostgreSQL); SQLite keeps enums as text.
    public var schemaObjects: Bool
    /// A primary key, unique constraint or column type that foreign keys reference cannot change
    /// while they exist: they are dropped before and added after.
    public var referencedKeysArePinned: Bool
    /// Indexes can be built and dropped without blocking writes, outside any transaction.
    public var concurrentIndexBuilds: Bool
}

/// Everything Retort knows about one SQL dialect: how to read a schema, compare it and write SQL.
public protocol Dialect: Sendable {
    /// Which dialect this is.
    var name: DialectName { get }
    /// What the dialect's schema holds and refuses.
    var traits: DialectTraits { get }
    /// Before a step that runs outside a transaction is run again after a kill: true when the
    /// database shows it finished; otherwise whatever it left half-done is cleaned up first.
    func resumeOutsideTransaction(_ operation: MigrationOperation, on db: any DatabaseConnection) throws -> Bool
    /// How long the session's statements wait for a lock, in ms (0: forever); nil when the
    /// dialect has no such setting.
    func lockTimeout(on db: any DatabaseConnection) throws -> Int?
    /// Sets how long the session's statements wait for a lock (a no-op where there is no such setting).
    func setLockTimeout(_ milliseconds: Int, on db: any DatabaseConnection) throws
    /// One line per detail of these operations that this dialect renders in a nearer form only.
    func portabilityNotes(_ operations: [MigrationOperation]) -> [String]
    /// True when the connected database (its current schema) has a table with this name.
    func hasTable(_ name: String, in db: any DatabaseConnection) throws -> Bool
    /// The placeholder for the `n`-th bound parameter (from 1): `$1` on PostgreSQL, `?` on SQLite.
    func placeholder(_ n: Int) -> String
    /// Row counts of the connected database's tables, as cheaply as the dialect knows them
    /// (`tables` names the ones that matter, for a dialect that has to count).
    func tableRows(on db: any DatabaseConnection, tables: [String]) throws -> [String: Int64]
    /// Reads the whole schema of the connected database with a fixed number of queries.
    func introspect(_ db: any DatabaseConnection) throws -> Schema
    /// A copy of the table in the form this dialect stores it, for comparison.
    func normalized(_ table: Table) -> Table
    /// A copy of an object beside the tables (a view) in the form this dialect stores it, for comparison.
    func normalized(_ object: SchemaObject) -> SchemaObject
    /// Throws an `UnsupportedChange` for a column change the database could not carry out as
    /// generated (no cast; an object Retort does not manage, in `dependents`, uses the column).
    func checkChange(table: String, from: Column, to: Column, dependents: [String]) throws
    /// Throws an `UnsupportedChange` when `what` (a table or column) cannot be dropped because
    /// objects Retort does not manage (`dependents`) use it.
    func checkDrop(_ what: String, dependents: [String]) throws
    /// The models' expressions as the connected database spells them, for the tables whose
    /// expressions the database (`current`) does not already spell the same way; a fixed number of
    /// round trips. Throws a `ModelError` for an expression the database rejects.
    func canonicalForms(of models: Schema, comparedWith current: Schema, on db: any DatabaseConnection) throws -> CanonicalForms
    /// The database's schema with its names spelled as the operations (or the models) spell them,
    /// where this dialect takes them to be the same (SQLite: case-insensitively).
    func spelling(_ schema: Schema, as other: Schema) -> Schema
    /// SQL statements that carry out the operations on a database whose schema is `schema`.
    func render(_ operations: [MigrationOperation], from schema: Schema) throws -> [Statement]
    /// A statement as a script line: a check becomes SQL that fails, with its message, when rows are in the way.
    func scriptSQL(_ statement: Statement) -> String
    /// Statements run before each revision's transaction, outside it.
    var beforeTransaction: [String] { get }
    /// Statements run after each revision's transaction ends, outside it.
    var afterTransaction: [String] { get }
    /// The statement that opens a revision's transaction and takes the write lock.
    var beginTransaction: String { get }
    /// Checks run just before a revision commits; throws to roll it back.
    func verifyBeforeCommit(_ db: any DatabaseConnection) throws
    /// Takes the migration lock for a whole run, so concurrent runs apply each revision once.
    func lock(_ db: any DatabaseConnection) throws
    /// Releases the migration lock.
    func unlock(_ db: any DatabaseConnection) throws
}

extension DialectName {
    /// The dialect whose schema holds every kind of object Retort manages: a plan made for it
    /// serves every dialect (the others render what they have).
    public static let holdingEveryKind: DialectName = .postgres

    /// The dialect implementation for this name.
    public var implementation: any Dialect {
        switch self {
        case .sqlite: return SQLiteDialect()
        case .postgres: return PostgresDialect()
        }
    }
}

/// Tables Retort keeps for itself; never part of a user's schema.
public enum RetortTables {
    /// The version table: one row per applied head.
    public static let version = "retort_version"
    /// The checksum of every applied revision, to notice edited revision files.
    public static let applied = "retort_applied"
    /// How far a non-transactional revision has got, while it runs.
    public static let progress = "retort_progress"
    /// Each transferred table's state (`transfer --resume` skips the verified ones).
    public static let transfer = "retort_transfer"
    /// The rows a transfer rejected, with the column, value and reason.
    public static let transferRejects = "retort_transfer_rejects"
    /// Foreign keys a transfer dropped for its copy (they close a cycle) and adds back at its end.
    public static let transferKeys = "retort_transfer_keys"
    /// Tables whose `FORCE ROW LEVEL SECURITY` a transfer lifted for its copy and puts back at its end.
    public static let transferForced = "retort_transfer_forced"
    /// Every name introspection leaves out.
    public static let all: Set<String> = [version, applied, progress, transfer, transferRejects, transferKeys, transferForced]
}
