/// A column of a table, named.
public struct ColumnReference: Hashable, Sendable, Codable {
    /// The table's name.
    public var table: String
    /// The column's name.
    public var column: String

    /// The column `column` of `table`.
    public init(_ table: String, _ column: String) {
        self.table = table
        self.column = column
    }
}
