/// An operation that cannot be undone (hand-written code with no reverse).
public struct IrreversibleOperation: Error, CustomStringConvertible {
    public var description: String
}

extension MigrationOperation {
    /// The operation that undoes this one.
    public func inverse() throws -> MigrationOperation {
        switch self {
        case .createTable(let t): return .dropTable(t)
        case .dropTable(let t): return .createTable(t)
        case .addColumn(let t, let c): return .dropColumn(table: t, column: c)
        case .dropColumn(let t, let c): return .addColumn(table: t, column: c)
        case .alterColumn(let t, let from, let to): return .alterColumn(table: t, from: to, to: from)
        case .createIndex(let t, let i): return .dropIndex(table: t, index: i)
        case .dropIndex(let t, let i): return .createIndex(table: t, index: i)
        case .addConstraint(let t, let c): return .dropConstraint(table: t, constraint: c)
        case .dropConstraint(let t, let c): return .addConstraint(table: t, constraint: c)
        case .setTableComment(let t, let from, let to): return .setTableComment(table: t, from: to, to: from)
        case .execute(let raw):
            guard let reverse = raw.reverse else {
                throw IrreversibleOperation(description: "hand-written SQL has no reverse: \(raw.sql ?? raw.perDialect.values.first ?? "")")
            }
            return .execute(reverse)
        case .code(let code):
            throw IrreversibleOperation(description: "Swift code '\(code.name)' has no automatic reverse")
        }
    }
}

extension Array where Element == MigrationOperation {
    /// The operations that undo these, in reverse order.
    public func inverse() throws -> [MigrationOperation] {
        try self.reversed().map { try $0.inverse() }
    }
}
