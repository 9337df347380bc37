/// One schema change: dialect-neutral data that carries what it needs to be reversed.
public enum MigrationOperation: Hashable, Sendable, Codable {
    /// Creates a table with its columns, keys, indexes and comment.
    case createTable(Table)
    /// Drops a table; carries the whole table so the drop can be reversed.
    case dropTable(Table)
    /// Adds a column to a table.
    case addColumn(table: String, column: Column)
    /// Drops a column; carries its definition so the drop can be reversed.
    case dropColumn(table: String, column: Column)
    /// Changes a column's type, nullability, default or comment.
    case alterColumn(table: String, from: Column, to: Column)
    /// Creates an index.
    case createIndex(table: String, index: Index)
    /// Drops an index; carries its definition so the drop can be reversed.
    case dropIndex(table: String, index: Index)
    /// Builds an index without blocking writes (PostgreSQL `CREATE INDEX CONCURRENTLY`; plain on
    /// SQLite). Only in a revision that is not transactional; an INVALID index a killed build left
    /// behind is dropped and built again.
    case createIndexConcurrently(table: String, index: Index)
    /// Drops an index without blocking reads and writes (PostgreSQL `DROP INDEX CONCURRENTLY`).
    case dropIndexConcurrently(table: String, index: Index)
    /// Adds a primary key, unique constraint, foreign key or check.
    case addConstraint(table: String, constraint: Constraint)
    /// Drops a constraint; carries its definition so the drop can be reversed.
    case dropConstraint(table: String, constraint: Constraint)
    /// Sets or removes a table's comment.
    case setTableComment(table: String, from: String?, to: String?)
    /// Makes an SQLite table `STRICT` or `WITHOUT ROWID`, or no longer (a rebuild; nothing on PostgreSQL).
    case setSQLiteTableOptions(table: String, from: SQLiteTableOptions?, to: SQLiteTableOptions?)
    /// Switches a table's row-level security on, off, or to forced (PostgreSQL; nothing on SQLite).
    case setRowLevelSecurity(table: String, from: RowLevelSecurity?, to: RowLevelSecurity?)
    /// Renames a table; foreign keys and indexes that point to it follow.
    case renameTable(from: String, to: String)
    /// Renames a column; constraints, indexes and foreign keys that use it follow.
    case renameColumn(table: String, from: String, to: String)
    /// Renames an index.
    case renameIndex(table: String, from: String, to: String)
    /// Renames a constraint.
    case renameConstraint(table: String, from: String, to: String)
    /// Renames an enum type (PostgreSQL; on SQLite, where enums are text, only the model changes).
    case renameEnumType(from: String, to: String)
    /// Renames an enum value in the columns that use the type (listed, since SQLite keeps enums as
    /// text and cannot tell them); on SQLite the stored rows and defaults are updated.
    case renameEnumValue(type: String, from: String, to: String, columns: [ColumnReference])
    /// Creates an enum type no column uses yet, or keeps one whose last column goes (PostgreSQL).
    case createEnumType(EnumType)
    /// Drops an enum type no column uses (PostgreSQL).
    case dropEnumType(EnumType)
    /// Adds a value to an enum type, before or after an existing one (at the end when both are nil).
    /// PostgreSQL cannot use a value in the transaction that adds it: the planner gives these a
    /// revision of their own, before the changes that use them.
    case addEnumValue(type: String, value: String, before: String?, after: String?)
    /// Gives an enum type another list of values when values go or change order (PostgreSQL cannot
    /// drop or move one): a new type replaces it, every column that uses it converted, after a
    /// check that no row holds a value that goes. Rewrites those tables under an exclusive lock.
    case replaceEnumType(from: EnumType, to: EnumType)
    /// Creates a sequence that a column default uses (PostgreSQL).
    case createSequence(DatabaseSequence)
    /// Drops a sequence; carries its options so the drop can be reversed.
    case dropSequence(DatabaseSequence)
    /// Changes a sequence's options or owner.
    case alterSequence(from: DatabaseSequence, to: DatabaseSequence)
    /// Creates an object beside the tables (a view).
    case createObject(SchemaObject)
    /// Drops an object beside the tables; carries it so the drop can be reversed. Objects that
    /// depend on it and stay are dropped before and created again after, as the catalog had them.
    case dropObject(SchemaObject)
    /// Replaces an object in place, keeping its grants and what depends on it (PostgreSQL
    /// `CREATE OR REPLACE VIEW`: the view's columns keep their names and types, new ones only
    /// appended). SQLite, which has no such statement, drops and creates it.
    case replaceObject(from: SchemaObject, to: SchemaObject)
    /// Drops an object and creates it in its new form, where it cannot be replaced in place: what
    /// depends on it is dropped before and created again after, and it keeps its grants, owner
    /// and comment as the catalog had them.
    case recreateObject(from: SchemaObject, to: SchemaObject)
    /// Sets or removes an index's comment.
    case setIndexComment(table: String, index: String, from: String?, to: String?)
    /// Checks the existing rows against a constraint added `NOT VALID`.
    case validateConstraint(table: String, name: String)
    /// Sets a column's NULL rows to a value (before the column becomes NOT NULL). Nothing undoes it.
    case backfill(table: String, column: String, value: DefaultValue)
    /// Updates many rows in batches (a data migration); nothing undoes it (write the reverse update
    /// in the revision's downgrade).
    case batchedUpdate(BatchedUpdate)
    /// Stops the revision, with the expectation's message, unless the data is as expected.
    case expect(Expectation)
    /// Hand-written SQL, optionally per dialect, with the SQL that undoes it.
    case execute(RawSQL)
    /// Hand-written Swift code, for data migrations; runs only against a live database.
    case code(CustomCode)

    /// The object beside the tables this operation creates, drops or replaces, if any.
    public var object: ObjectID? {
        switch self {
        case .createObject(let o), .dropObject(let o), .replaceObject(_, let o), .recreateObject(_, let o): return o.id
        case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
            .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
            .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
            .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence, .dropSequence,
            .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute, .code:
            return nil
        }
    }

    /// The table this operation changes, if it changes exactly one.
    public var tableName: String? {
        switch self {
        case .createTable(let t), .dropTable(let t): return t.name
        case .addColumn(let t, _), .dropColumn(let t, _), .alterColumn(let t, _, _), .createIndex(let t, _),
            .dropIndex(let t, _), .createIndexConcurrently(let t, _), .dropIndexConcurrently(let t, _), .addConstraint(let t, _), .dropConstraint(let t, _), .setTableComment(let t, _, _), .setSQLiteTableOptions(let t, _, _), .setRowLevelSecurity(let t, _, _),
            .renameColumn(let t, _, _), .renameIndex(let t, _, _), .renameConstraint(let t, _, _), .backfill(let t, _, _),
            .setIndexComment(let t, _, _, _), .validateConstraint(let t, _):
            return t
        case .batchedUpdate(let u): return u.table
        case .renameTable(_, let to): return to
        // What is part of a table (a trigger, a partition, a policy, an exclusion constraint) is its table's.
        case .createObject(let o), .dropObject(let o), .replaceObject(_, let o), .recreateObject(_, let o):
            return o.table
        case .execute, .code, .expect, .renameEnumType, .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue,
            .replaceEnumType, .createSequence, .dropSequence, .alterSequence:
            return nil
        }
    }

    /// True when the operation adds edges to the dependency graph that only the catalog can tell
    /// (an object created reads what its query names): a run reads the catalog again before an
    /// operation that `readsDependencies`.
    public var addsDependencies: Bool {
        switch self {
        case .createObject, .replaceObject, .recreateObject: return true
        case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
            .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
            .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
            .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence, .dropSequence,
            .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute, .code,
            .dropObject:
            return false
        }
    }

    /// True when rendering the operation reads the dependency graph: what uses the changed column
    /// or object is dropped before and created again after.
    public var readsDependencies: Bool {
        switch self {
        case .alterColumn, .recreateObject, .dropObject, .dropTable, .dropColumn, .replaceEnumType, .addConstraint,
            .dropConstraint, .setSQLiteTableOptions:
            return true
        case .createTable, .addColumn, .createIndex, .dropIndex, .createIndexConcurrently, .dropIndexConcurrently,
            .setTableComment, .setRowLevelSecurity, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
            .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue, .createSequence, .dropSequence, .alterSequence,
            .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute, .code, .createObject,
            .replaceObject:
            return false
        }
    }

    /// True for operations PostgreSQL cannot run inside a transaction.
    public var runsOutsideTransaction: Bool {
        switch self {
        case .createIndexConcurrently, .dropIndexConcurrently: return true
        case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex, .addConstraint,
            .dropConstraint, .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex,
            .renameConstraint, .renameEnumType, .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue,
            .replaceEnumType, .createSequence, .dropSequence, .alterSequence, .setIndexComment, .validateConstraint, .backfill,
            .batchedUpdate, .expect, .execute, .code, .createObject, .dropObject, .replaceObject, .recreateObject: return false
        }
    }

    /// True when the operation is hand-written (SQL or Swift code) rather than a schema change Retort understands.
    public var isHandWritten: Bool {
        switch self {
        case .execute, .code: return true
        case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
            .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
            .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
            .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence, .dropSequence,
            .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .createObject, .dropObject,
            .replaceObject, .recreateObject: return false
        }
    }
}

/// Hand-written SQL for an `execute` operation.
public struct RawSQL: Hashable, Sendable, Codable {
    /// SQL for every dialect, unless a dialect has its own.
    public var sql: String?
    /// Dialect-specific SQL.
    public var perDialect: [DialectName: String]
    /// SQL that reverses this one, if it can be reversed.
    public var reverse: RawSQL? {
        get { reverseStorage.first }
        set { reverseStorage = newValue.map { [$0] } ?? [] }
    }
    private var reverseStorage: [RawSQL] = []

    /// Hand-written SQL; `reverse` is what a downgrade runs.
    public init(_ sql: String? = nil, perDialect: [DialectName: String] = [:], reverse: RawSQL? = nil) {
        self.sql = sql
        self.perDialect = perDialect
        self.reverse = reverse.map { RawSQL($0.sql, perDialect: $0.perDialect) }
    }

    /// The SQL for a dialect, if there is any.
    public func text(for dialect: DialectName) -> String? { perDialect[dialect] ?? sql }
}

/// The connection handed to hand-written Swift code in a revision.
public protocol MigrationDatabase {
    /// The dialect of the connected database.
    var dialect: DialectName { get }
    /// Runs one statement with bound parameters.
    func execute(_ sql: String, _ parameters: [SQLValue]) throws
    /// Runs a query and returns every row.
    func query(_ sql: String, _ parameters: [SQLValue]) throws -> [[SQLValue]]
}

/// Hand-written Swift code inside a revision (a data migration).
public struct CustomCode: Hashable, Sendable, Codable {
    /// The body of a Swift step.
    public typealias Body = @Sendable (any MigrationDatabase) throws -> Void

    /// A name for logs and `--sql` output.
    public var name: String
    let body: Body
    /// What undoes the step, run at the mirrored place of a derived downgrade.
    let reverse: Body?

    /// Swift code that runs inside the revision's transaction; `reverse` undoes it on downgrade.
    public init(_ name: String, reverse: Body? = nil, _ body: @escaping Body) {
        self.name = name
        self.body = body
        self.reverse = reverse
    }

    /// True when the step has a reverse.
    public var isReversible: Bool { reverse != nil }

    /// The step that undoes this one, if it has a reverse.
    public var inverse: CustomCode? {
        reverse.map { CustomCode("reverse of \(name)", reverse: body, $0) }
    }

    /// A step that stands for `step` in a derived downgrade when it has no reverse: it fails when run.
    static func irreversible(_ step: String) -> CustomCode {
        CustomCode("irreversible: \(step)") { _ in
            throw IrreversibleOperation(
                description: "\(step) has no reverse; give it one (reverse:) or write the revision's downgrade by hand")
        }
    }

    /// Runs the code.
    public func run(_ database: any MigrationDatabase) throws { try body(database) }

    public static func == (a: CustomCode, b: CustomCode) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Swift code '\(name)' cannot be decoded"))
    }
}
