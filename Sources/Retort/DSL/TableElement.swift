/// Anything that can stand inside a `Table { … }` block of the model DSL.
public protocol TableElement {
    /// Adds this element to the table being declared.
    func apply(to table: inout Table)
}

/// Builds the contents of a `Table { … }` block.
@resultBuilder
public enum TableBuilder {
    /// A column, key, index or check, as one element of the table.
    public static func buildExpression(_ element: any TableElement) -> [any TableElement] { [element] }
    /// The elements of the block, in order.
    public static func buildBlock(_ parts: [any TableElement]...) -> [any TableElement] { parts.flatMap { $0 } }
    /// The elements of an `if` without `else`, or none.
    public static func buildOptional(_ part: [any TableElement]?) -> [any TableElement] { part ?? [] }
    /// The elements of an `if` branch.
    public static func buildEither(first: [any TableElement]) -> [any TableElement] { first }
    /// The elements of an `else` branch.
    public static func buildEither(second: [any TableElement]) -> [any TableElement] { second }
    /// The elements of a `for` loop, in order.
    public static func buildArray(_ parts: [[any TableElement]]) -> [any TableElement] { parts.flatMap { $0 } }
}

/// Anything that can stand inside a `Schema { … }` block: tables, enum types, sequences.
public protocol SchemaElement {
    /// Adds this element to the schema being declared.
    func apply(to schema: inout Schema)
}

extension Table: SchemaElement {
    /// Appends the table.
    public func apply(to schema: inout Schema) { schema.tables.append(self) }
}

extension EnumType: SchemaElement {
    /// Declares an enum type of its own, kept even while no column uses it.
    public func apply(to schema: inout Schema) { schema.enums.append(self) }
}

extension DatabaseSequence: SchemaElement {
    /// Declares a sequence (PostgreSQL) that column defaults use with `nextval('name')`.
    public func apply(to schema: inout Schema) { schema.sequences.append(self) }
}

extension View: SchemaElement {
    /// Declares a view: `View("active_customers", "SELECT id, name FROM customer WHERE active")`.
    public func apply(to schema: inout Schema) { schema.views.append(self) }
}

/// Builds the contents of a `Schema { … }` block.
@resultBuilder
public enum SchemaBuilder {
    /// A table, enum type, sequence or view, as one element of the schema.
    public static func buildExpression(_ element: any SchemaElement) -> [any SchemaElement] { [element] }
    /// Tables built elsewhere, each one element of the schema.
    public static func buildExpression(_ tables: [Table]) -> [any SchemaElement] { tables }
    /// The elements of the block, in order.
    public static func buildBlock(_ parts: [any SchemaElement]...) -> [any SchemaElement] { parts.flatMap { $0 } }
    /// The elements of an `if` without `else`, or none.
    public static func buildOptional(_ part: [any SchemaElement]?) -> [any SchemaElement] { part ?? [] }
    /// The elements of an `if` branch.
    public static func buildEither(first: [any SchemaElement]) -> [any SchemaElement] { first }
    /// The elements of an `else` branch.
    public static func buildEither(second: [any SchemaElement]) -> [any SchemaElement] { second }
    /// The elements of a `for` loop, in order.
    public static func buildArray(_ parts: [[any SchemaElement]]) -> [any SchemaElement] { parts.flatMap { $0 } }
}

extension Schema {
    /// Declares a schema: `Schema { EnumType("mood", ["sad", "ok"]); Table("t") { … } }`.
    public init(@SchemaBuilder _ elements: () -> [any SchemaElement]) {
        self.init()
        for element in elements() { element.apply(to: &self) }
    }
}

extension Table {
    /// Declares a table from columns, keys, constraints and indexes; `renamedFrom` names the table
    /// it used to be, so `autogen` renames it (keeping its rows) instead of dropping and creating.
    public init(
        _ name: String, renamedFrom: String? = nil, comment: String? = nil, sqlite: SQLiteTableOptions? = nil,
        @TableBuilder _ elements: () -> [any TableElement]
    ) {
        self.init(name: name, comment: comment, sqlite: sqlite)
        for element in elements() { element.apply(to: &self) }
        if let renamedFrom { hint { $0.renamedFrom = renamedFrom } }
    }
}
