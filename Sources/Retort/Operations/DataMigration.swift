/// An `UPDATE` of many rows, run in batches of primary-key ranges: in a non-transactional revision
/// each batch commits on its own (with the position reached, so a killed run resumes after it);
/// in a transactional revision, and in `--sql`, it is one statement.
public struct BatchedUpdate: Hashable, Sendable, Codable {
    /// The table updated.
    public var table: String
    /// Each column and the SQL expression over the row that gives its new value.
    public var assignments: [ColumnAssignment]
    /// The rows to update (`categoria IS NULL`); nil for every row.
    public var condition: String?
    /// Rows per batch, each batch its own transaction.
    public var batchSize: Int

    /// An update of `table` in batches of `batchSize` rows.
    public init(_ table: String, set: [ColumnAssignment], where condition: String? = nil, batchSize: Int = 10_000) {
        self.table = table
        self.assignments = set
        self.condition = condition
        self.batchSize = max(1, batchSize)
    }

    /// `SET "a" = (expr), …`.
    var assignmentsSQL: String {
        assignments.map { "\(SQLText.quote($0.column)) = (\($0.expression))" }.joined(separator: ", ")
    }
}

/// A column and the SQL expression that gives its value.
public struct ColumnAssignment: Hashable, Sendable, Codable {
    /// The column set.
    public var column: String
    /// The SQL expression it is set to, over the row's columns.
    public var expression: String

    /// `column = expression` (the expression is SQL over the row: `'General'`, `prioridad::text`).
    public init(_ column: String, _ expression: String) {
        self.column = column
        self.expression = expression
    }
}

/// A check inside a revision: a query that must return no rows, or a count that must match; when
/// it does not hold, the revision fails with `message` and its transaction rolls back.
public struct Expectation: Hashable, Sendable, Codable {
    /// The query: its rows are the problems, or (with `count`) its single value is compared.
    public var query: String
    /// The number of rows the query must count; nil: it must return none.
    public var count: Int64?
    /// Why the revision stops when the data is not as expected.
    public var message: String

    /// `query` must return no rows.
    public init(noRows query: String, message: String) {
        self.query = query
        self.count = nil
        self.message = message
    }

    /// `query` must return the single value `count`.
    public init(_ query: String, equals count: Int64, message: String) {
        self.query = query
        self.count = count
        self.message = message
    }

    /// The check as a statement: a count of what is in the way.
    var statement: Statement {
        if let count {
            return .check("SELECT CASE WHEN (\(query)) = \(count) THEN 0 ELSE 1 END", failing: message, rows: "did not match the expected count")
        }
        return .check("SELECT count(*) FROM (\(query)) AS retort_problems", failing: message, rows: "break the rule")
    }
}
