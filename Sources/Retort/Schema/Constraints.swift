/// What a foreign key does when the referenced row is deleted or updated.
public enum ReferentialAction: String, Hashable, Sendable, Codable {
    /// The referencing rows block the change, checked at the end of the statement.
    case noAction = "NO ACTION"
    /// The referencing rows block the change at once.
    case restrict = "RESTRICT"
    /// The referencing rows are deleted or updated along.
    case cascade = "CASCADE"
    /// The referencing columns become NULL.
    case setNull = "SET NULL"
    /// The referencing columns get their defaults.
    case setDefault = "SET DEFAULT"
}

/// When a deferrable constraint is checked: at each statement unless deferred, or at commit.
public enum Deferrable: String, Hashable, Sendable, Codable {
    /// `DEFERRABLE INITIALLY IMMEDIATE`.
    case initiallyImmediate
    /// `DEFERRABLE INITIALLY DEFERRED`.
    case initiallyDeferred

    /// The SQL clause.
    public var sql: String { self == .initiallyDeferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE" }
}

/// A table's primary key.
public struct PrimaryKey: Hashable, Sendable, Codable {
    /// The constraint's name; nil: the naming convention names it.
    public var name: String?
    /// The key's columns, in order.
    public var columns: [String]
    /// nil: not deferrable (PostgreSQL only).
    public var deferrable: Deferrable?

    /// Declares a (possibly composite) primary key.
    public init(_ columns: [String], name: String? = nil, deferrable: Deferrable? = nil) {
        self.name = name
        self.columns = columns
        self.deferrable = deferrable
    }
}

/// A unique constraint over one or more columns.
public struct UniqueConstraint: Hashable, Sendable {
    /// The constraint's name; nil: the naming convention names it.
    public var name: String?
    /// The columns whose values are unique together.
    public var columns: [String]
    /// nil: not deferrable (PostgreSQL only).
    public var deferrable: Deferrable?
    /// NULL values conflict with each other (`NULLS NOT DISTINCT`, PostgreSQL 15+).
    public var nullsNotDistinct: Bool

    /// Declares a unique constraint.
    public init(_ columns: [String], name: String? = nil, deferrable: Deferrable? = nil, nullsNotDistinct: Bool = false) {
        self.name = name
        self.columns = columns
        self.deferrable = deferrable
        self.nullsNotDistinct = nullsNotDistinct
    }
}

/// A foreign key from columns of this table to columns of another (or the same) table.
public struct ForeignKey: Hashable, Sendable {
    /// The constraint's name; nil: the naming convention names it.
    public var name: String?
    /// The referencing columns.
    public var columns: [String]
    /// The table referenced.
    public var referencedTable: String
    /// The columns referenced, in the order of `columns`.
    public var referencedColumns: [String]
    /// What deleting a referenced row does.
    public var onDelete: ReferentialAction
    /// What changing a referenced key does.
    public var onUpdate: ReferentialAction
    /// nil: not deferrable.
    public var deferrable: Deferrable?
    /// `MATCH FULL`: a key with some NULL columns must be all NULL (PostgreSQL only).
    public var matchFull: Bool
    /// Added `NOT VALID`: existing rows are not checked until the key is validated (PostgreSQL only).
    public var notValid: Bool

    /// Declares a foreign key.
    public init(
        _ columns: [String], references referencedTable: String, _ referencedColumns: [String],
        onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction, name: String? = nil,
        deferrable: Deferrable? = nil, matchFull: Bool = false, notValid: Bool = false
    ) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
        self.deferrable = deferrable
        self.matchFull = matchFull
        self.notValid = notValid
    }
}

/// A named check constraint holding an SQL boolean expression.
public struct CheckConstraint: Hashable, Sendable {
    /// The constraint's name; nil: the naming convention names it.
    public var name: String?
    /// The SQL condition every row satisfies.
    public var expression: String
    /// `NO INHERIT`: the check does not apply to child tables (PostgreSQL only).
    public var noInherit: Bool
    /// Added `NOT VALID`: existing rows are not checked until it is validated (PostgreSQL only).
    public var notValid: Bool

    /// Declares a check constraint.
    public init(_ name: String?, _ expression: String, noInherit: Bool = false, notValid: Bool = false) {
        self.name = name
        self.expression = expression
        self.noInherit = noInherit
        self.notValid = notValid
    }
}

/// Any table-level constraint, as operations carry it.
public enum Constraint: Hashable, Sendable, Codable {
    /// A primary key.
    case primaryKey(PrimaryKey)
    /// A unique constraint.
    case unique(UniqueConstraint)
    /// A foreign key.
    case foreignKey(ForeignKey)
    /// A check constraint.
    case check(CheckConstraint)

    /// The constraint's name, if it has one.
    public var name: String? {
        switch self {
        case .primaryKey(let c): return c.name
        case .unique(let c): return c.name
        case .foreignKey(let c): return c.name
        case .check(let c): return c.name
        }
    }

    /// The columns of this table that the constraint uses (empty for checks, which are opaque).
    public var columns: [String] {
        switch self {
        case .primaryKey(let c): return c.columns
        case .unique(let c): return c.columns
        case .foreignKey(let c): return c.columns
        case .check: return []
        }
    }

    /// True when the constraint uses the column (a check: when its expression names it, or the table).
    public func uses(_ column: String, in table: Table) -> Bool {
        if case .check(let c) = self { return SQLText.mentions(c.expression, column) || SQLText.mentions(c.expression, table.name) }
        return columns.contains(column)
    }

    /// A short word for messages.
    public var kind: String {
        switch self {
        case .primaryKey: return "primary key"
        case .unique: return "unique constraint"
        case .foreignKey: return "foreign key"
        case .check: return "check constraint"
        }
    }
}

extension Constraint {
    /// True for a check or foreign key added `NOT VALID`.
    public var notValid: Bool {
        switch self {
        case .check(let c): return c.notValid
        case .foreignKey(let fk): return fk.notValid
        default: return false
        }
    }
}
