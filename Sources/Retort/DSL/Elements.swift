extension Column: TableElement {
    /// Appends the column.
    public func apply(to table: inout Table) { table.columns.append(self) }

    /// Makes this column (part of) the primary key.
    public func primaryKey(autoincrement: Bool = false) -> ColumnElement {
        ColumnElement(column: self).primaryKey(autoincrement: autoincrement)
    }

    /// Gives this column its own unique constraint.
    public func unique(name: String? = nil) -> ColumnElement { ColumnElement(column: self).unique(name: name) }

    /// Gives this column its own index.
    public func indexed(name: String? = nil) -> ColumnElement { ColumnElement(column: self).indexed(name: name) }

    /// Makes this column a foreign key to `table(column)`.
    public func references(
        _ table: String, _ column: String, onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction
    ) -> ColumnElement {
        ColumnElement(column: self).references(table, column, onDelete: onDelete, onUpdate: onUpdate)
    }
}

/// A column with column-level shortcuts (primary key, unique, index, reference) attached.
public struct ColumnElement: TableElement {
    var column: Column
    var extras: [any TableElement] = []
    var inPrimaryKey = false

    /// Makes this column (part of) the primary key.
    public func primaryKey(autoincrement: Bool = false) -> ColumnElement {
        var copy = self
        copy.inPrimaryKey = true
        copy.column.autoincrement = autoincrement
        return copy
    }

    /// Gives this column its own unique constraint.
    public func unique(name: String? = nil) -> ColumnElement {
        var copy = self
        copy.extras.append(UniqueConstraint([column.name], name: name))
        return copy
    }

    /// Gives this column its own index.
    public func indexed(name: String? = nil) -> ColumnElement {
        var copy = self
        copy.extras.append(Index([column.name], name: name))
        return copy
    }

    /// Makes this column a foreign key to `table(column)`.
    public func references(
        _ table: String, _ column: String, onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction
    ) -> ColumnElement {
        var copy = self
        copy.extras.append(
            ForeignKey([self.column.name], references: table, [column], onDelete: onDelete, onUpdate: onUpdate))
        return copy
    }

    /// Appends the column and its shortcuts.
    public func apply(to table: inout Table) {
        column.apply(to: &table)
        if inPrimaryKey {
            var pk = table.primaryKey ?? PrimaryKey([])
            pk.columns.append(column.name)
            table.primaryKey = pk
        }
        for extra in extras { extra.apply(to: &table) }
    }
}

extension PrimaryKey: TableElement {
    /// Declares a composite primary key: `PrimaryKey("a", "b")`.
    public init(_ columns: String..., name: String? = nil) { self.init(columns, name: name) }
    /// Sets the table's primary key.
    public func apply(to table: inout Table) { table.primaryKey = self }
}

extension UniqueConstraint: TableElement {
    /// Declares a unique constraint: `Unique("a", "b")`.
    public init(_ columns: String..., name: String? = nil) { self.init(columns, name: name) }
    /// Appends the constraint.
    public func apply(to table: inout Table) { table.uniqueConstraints.append(self) }
}

extension Index: TableElement {
    /// Declares an index: `Index("a", "b", unique: true)`.
    public init(_ columns: String..., unique: Bool = false, name: String? = nil, where predicate: String? = nil) {
        self.init(columns, unique: unique, name: name, where: predicate)
    }
    /// Appends the index.
    public func apply(to table: inout Table) { table.indexes.append(self) }
}

extension ForeignKey: TableElement {
    /// Declares a single-column foreign key: `ForeignKey("autor_id", references: "autores", "id")`.
    public init(
        _ column: String, references table: String, _ referencedColumn: String, onDelete: ReferentialAction = .noAction,
        onUpdate: ReferentialAction = .noAction, name: String? = nil
    ) {
        self.init([column], references: table, [referencedColumn], onDelete: onDelete, onUpdate: onUpdate, name: name)
    }
    /// Appends the foreign key.
    public func apply(to table: inout Table) { table.foreignKeys.append(self) }
}

extension CheckConstraint: TableElement {
    /// Appends the check constraint.
    public func apply(to table: inout Table) { table.checks.append(self) }
}

/// The DSL spelling of a unique constraint.
public typealias Unique = UniqueConstraint
/// The DSL spelling of a check constraint: `Check("positive", "amount > 0")`.
public typealias Check = CheckConstraint
