/// What a foreign key does when the referenced row is deleted or updated.
public enum ReferentialAction: String, Hashable, Sendable, Codable {
    case noAction = "NO ACTION"
    case restrict = "RESTRICT"
    case cascade = "CASCADE"
    case setNull = "SET NULL"
    case setDefault = "SET DEFAULT"
}

/// A table's primary key.
public struct PrimaryKey: Hashable, Sendable, Codable {
    public var name: String?
    public var columns: [String]

    /// Declares a (possibly composite) primary key.
    public init(_ columns: [String], name: String? = nil) {
        self.name = name
        self.columns = columns
    }
}

/// A unique constraint over one or more columns.
public struct UniqueConstraint: Hashable, Sendable, Codable {
    public var name: String?
    public var columns: [String]

    /// Declares a unique constraint.
    public init(_ columns: [String], name: String? = nil) {
        self.name = name
        self.columns = columns
    }
}

/// A foreign key from columns of this table to columns of another (or the same) table.
public struct ForeignKey: Hashable, Sendable, Codable {
    public var name: String?
    public var columns: [String]
    public var referencedTable: String
    public var referencedColumns: [String]
    public var onDelete: ReferentialAction
    public var onUpdate: ReferentialAction

    /// Declares a foreign key.
    public init(
        _ columns: [String], references referencedTable: String, _ referencedColumns: [String],
        onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction, name: String? = nil
    ) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
    }
}

/// A named check constraint holding an SQL boolean expression.
public struct CheckConstraint: Hashable, Sendable, Codable {
    public var name: String?
    public var expression: String

    /// Declares a check constraint.
    public init(_ name: String?, _ expression: String) {
        self.name = name
        self.expression = expression
    }
}

/// Any table-level constraint, as operations carry it.
public enum Constraint: Hashable, Sendable, Codable {
    case primaryKey(PrimaryKey)
    case unique(UniqueConstraint)
    case foreignKey(ForeignKey)
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
