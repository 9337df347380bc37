extension Column: TableElement {
    /// Appends the column.
    public func apply(to table: inout Table) { table.columns.append(self) }

    /// Makes this column (part of) the primary key.
    public func primaryKey(autoincrement: Bool = false) -> ColumnElement {
        ColumnElement(column: self).primaryKey(autoincrement: autoincrement)
    }

    /// Makes this an identity column (PostgreSQL), compared exactly: kind and every sequence option
    /// (nil: PostgreSQL's default for the column's type and direction).
    public func identity(
        _ kind: IdentityKind = .byDefault, start: Int64? = nil, increment: Int64? = nil, minValue: Int64? = nil,
        maxValue: Int64? = nil, cache: Int64? = nil, cycle: Bool? = nil
    ) -> ColumnElement {
        ColumnElement(column: self).identity(
            kind, start: start, increment: increment, minValue: minValue, maxValue: maxValue, cache: cache, cycle: cycle)
    }

    /// Makes this a `serial` column (PostgreSQL: an owned sequence and a `nextval` default).
    public func serial() -> ColumnElement { ColumnElement(column: self).serial() }

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

    /// This column used to be called `old`: `autogen` renames it, keeping its values.
    public func renamed(from old: String) -> ColumnElement { ColumnElement(column: self).renamed(from: old) }

    /// When the column becomes NOT NULL, its NULL rows take this value first (written into the revision).
    public func backfill(_ value: DefaultValue) -> ColumnElement { ColumnElement(column: self).backfill(value) }

    /// The column's enum type used to be called `old`: `autogen` renames the type.
    public func enumRenamed(from old: String) -> ColumnElement { ColumnElement(column: self).enumRenamed(from: old) }

    /// The enum value `value` used to be `old`: `autogen` renames it (on SQLite, updating the rows).
    public func enumValueRenamed(_ value: String, from old: String) -> ColumnElement {
        ColumnElement(column: self).enumValueRenamed(value, from: old)
    }
}

/// A column with column-level shortcuts (primary key, unique, index, reference) attached.
public struct ColumnElement: TableElement {
    var column: Column
    var extras: [any TableElement] = []
    var inPrimaryKey = false
    var hints = TableHints()

    /// This column used to be called `old`: `autogen` renames it, keeping its values.
    public func renamed(from old: String) -> ColumnElement {
        var copy = self
        copy.hints.columns[column.name] = old
        return copy
    }

    /// When the column becomes NOT NULL, its NULL rows take this value first (written into the revision).
    public func backfill(_ value: DefaultValue) -> ColumnElement {
        var copy = self
        copy.hints.backfills[column.name] = value
        return copy
    }

    /// The column's enum type used to be called `old`: `autogen` renames the type.
    public func enumRenamed(from old: String) -> ColumnElement {
        var copy = self
        if case .enumeration(let name, _) = column.type { copy.hints.enumTypes[name] = old }
        return copy
    }

    /// The enum value `value` used to be `old`: `autogen` renames it (on SQLite, updating the rows).
    public func enumValueRenamed(_ value: String, from old: String) -> ColumnElement {
        var copy = self
        if case .enumeration(let name, _) = column.type { copy.hints.enumValues[name, default: [:]][value] = old }
        return copy
    }

    /// Makes this column (part of) the primary key.
    public func primaryKey(autoincrement: Bool = false) -> ColumnElement {
        var copy = self
        copy.inPrimaryKey = true
        copy.column.autoincrement = autoincrement || column.autoincrementKind != nil
        return copy
    }

    /// Makes this an identity column (PostgreSQL), compared exactly: kind and every sequence option
    /// (nil: PostgreSQL's default for the column's type and direction).
    public func identity(
        _ kind: IdentityKind = .byDefault, start: Int64? = nil, increment: Int64? = nil, minValue: Int64? = nil,
        maxValue: Int64? = nil, cache: Int64? = nil, cycle: Bool? = nil
    ) -> ColumnElement {
        var copy = self
        copy.column.autoincrement = true
        copy.column.autoincrementKind = .identity(
            kind, start: start, increment: increment, minValue: minValue, maxValue: maxValue, cache: cache, cycle: cycle)
        return copy
    }

    /// Makes this a `serial` column (PostgreSQL: an owned sequence and a `nextval` default).
    public func serial() -> ColumnElement {
        var copy = self
        copy.column.autoincrement = true
        copy.column.autoincrementKind = .serial
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
        if !hints.isEmpty {
            let mine = hints
            table.hint { h in
                h.columns.merge(mine.columns) { a, _ in a }
                h.backfills.merge(mine.backfills) { a, _ in a }
                h.enumTypes.merge(mine.enumTypes) { a, _ in a }
                h.enumValues.merge(mine.enumValues) { a, b in a.merging(b) { x, _ in x } }
            }
        }
    }
}

/// An index or constraint that used to have another name: `autogen` renames it.
public struct RenamedElement: TableElement {
    let element: any TableElement
    let old: String
    let isIndex: Bool

    /// Adds the element, and records its rename under the name it has (its own or the conventional one).
    public func apply(to table: inout Table) {
        let before = table
        element.apply(to: &table)
        let convention = NamingConvention.standard
        let name: String?
        if isIndex {
            name = table.indexes.last.map { $0.name ?? convention.index(table: table.name, keys: $0.keys) }
        } else {
            let added = table.constraints.first { !before.constraints.contains($0) } ?? table.constraints.last
            switch added {
            case .primaryKey(let pk)?: name = pk.name ?? convention.primaryKey(table: table.name)
            case .unique(let u)?: name = u.name ?? convention.unique(table: table.name, columns: u.columns)
            case .foreignKey(let fk)?:
                name = fk.name ?? convention.foreignKey(table: table.name, columns: fk.columns, referencedTable: fk.referencedTable)
            case .check(let c)?: name = c.name ?? convention.check(table: table.name, expression: c.expression)
            case nil: name = nil
            }
        }
        guard let name else { return }
        let old = self.old
        if isIndex { table.hint { $0.indexes[name] = old } } else { table.hint { $0.constraints[name] = old } }
    }
}

extension Index {
    /// This index used to be called `old`: `autogen` renames it instead of building it again.
    public func renamed(from old: String) -> RenamedElement { RenamedElement(element: self, old: old, isIndex: true) }
}

extension PrimaryKey {
    /// This key used to be called `old`: `autogen` renames it.
    public func renamed(from old: String) -> RenamedElement { RenamedElement(element: self, old: old, isIndex: false) }
}

extension UniqueConstraint {
    /// This constraint used to be called `old`: `autogen` renames it.
    public func renamed(from old: String) -> RenamedElement { RenamedElement(element: self, old: old, isIndex: false) }
}

extension ForeignKey {
    /// This foreign key used to be called `old`: `autogen` renames it.
    public func renamed(from old: String) -> RenamedElement { RenamedElement(element: self, old: old, isIndex: false) }
}

extension CheckConstraint {
    /// This check used to be called `old`: `autogen` renames it.
    public func renamed(from old: String) -> RenamedElement { RenamedElement(element: self, old: old, isIndex: false) }
}

extension PrimaryKey: TableElement {
    /// Declares a composite primary key: `PrimaryKey("a", "b")`.
    public init(_ columns: String..., name: String? = nil, deferrable: Deferrable? = nil) {
        self.init(columns, name: name, deferrable: deferrable)
    }
    /// Sets the table's primary key.
    public func apply(to table: inout Table) { table.primaryKey = self }
}

extension UniqueConstraint: TableElement {
    /// Declares a unique constraint: `Unique("a", "b")`.
    public init(_ columns: String..., name: String? = nil, deferrable: Deferrable? = nil, nullsNotDistinct: Bool = false) {
        self.init(columns, name: name, deferrable: deferrable, nullsNotDistinct: nullsNotDistinct)
    }
    /// Appends the constraint.
    public func apply(to table: inout Table) { table.uniqueConstraints.append(self) }
}

extension Index: TableElement {
    /// Declares an index: `Index("a", "b", unique: true)`, `Index("doc", using: "gin")`.
    public init(
        _ columns: String..., unique: Bool = false, name: String? = nil, where predicate: String? = nil, using method: String? = nil,
        options: [IndexKeyOptions] = [], include: [String] = [], storage: [String: String] = [:], nullsNotDistinct: Bool = false,
        comment: String? = nil
    ) {
        self.init(
            columns, unique: unique, name: name, where: predicate, using: method, options: options, include: include,
            storage: storage, nullsNotDistinct: nullsNotDistinct, comment: comment)
    }
    /// Appends the index.
    public func apply(to table: inout Table) { table.indexes.append(self) }
}

extension ForeignKey: TableElement {
    /// Declares a single-column foreign key: `ForeignKey("autor_id", references: "autores", "id")`.
    public init(
        _ column: String, references table: String, _ referencedColumn: String, onDelete: ReferentialAction = .noAction,
        onUpdate: ReferentialAction = .noAction, name: String? = nil, deferrable: Deferrable? = nil, matchFull: Bool = false,
        notValid: Bool = false
    ) {
        self.init(
            [column], references: table, [referencedColumn], onDelete: onDelete, onUpdate: onUpdate, name: name,
            deferrable: deferrable, matchFull: matchFull, notValid: notValid)
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
