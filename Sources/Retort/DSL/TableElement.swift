/// Anything that can stand inside a `Table { … }` block of the model DSL.
public protocol TableElement {
    /// Adds this element to the table being declared.
    func apply(to table: inout Table)
}

/// Builds the contents of a `Table { … }` block.
@resultBuilder
public enum TableBuilder {
    public static func buildExpression(_ element: any TableElement) -> [any TableElement] { [element] }
    public static func buildBlock(_ parts: [any TableElement]...) -> [any TableElement] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any TableElement]?) -> [any TableElement] { part ?? [] }
    public static func buildEither(first: [any TableElement]) -> [any TableElement] { first }
    public static func buildEither(second: [any TableElement]) -> [any TableElement] { second }
    public static func buildArray(_ parts: [[any TableElement]]) -> [any TableElement] { parts.flatMap { $0 } }
}

/// Builds the tables of a `Schema { … }` block.
@resultBuilder
public enum SchemaBuilder {
    public static func buildExpression(_ table: Table) -> [Table] { [table] }
    public static func buildExpression(_ tables: [Table]) -> [Table] { tables }
    public static func buildBlock(_ parts: [Table]...) -> [Table] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Table]?) -> [Table] { part ?? [] }
    public static func buildEither(first: [Table]) -> [Table] { first }
    public static func buildEither(second: [Table]) -> [Table] { second }
    public static func buildArray(_ parts: [[Table]]) -> [Table] { parts.flatMap { $0 } }
}

extension Schema {
    /// Declares a schema from tables: `Schema { Table("t") { … } }`.
    public init(@SchemaBuilder _ tables: () -> [Table]) {
        self.init(tables: tables())
    }
}

extension Table {
    /// Declares a table from columns, keys, constraints and indexes; `renamedFrom` names the table
    /// it used to be, so `autogen` renames it (keeping its rows) instead of dropping and creating.
    public init(
        _ name: String, renamedFrom: String? = nil, comment: String? = nil, @TableBuilder _ elements: () -> [any TableElement]
    ) {
        self.init(name: name, comment: comment)
        for element in elements() { element.apply(to: &self) }
        if let renamedFrom { hint { $0.renamedFrom = renamedFrom } }
    }
}
