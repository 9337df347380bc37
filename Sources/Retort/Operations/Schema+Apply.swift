/// An operation that does not fit the schema it is applied to.
public struct ReplayError: Error, CustomStringConvertible {
    public var description: String
}

extension Schema {
    /// Applies a schema operation to this value, as the database would.
    ///
    /// Hand-written SQL and code leave the value unchanged: Retort cannot know what they do.
    public mutating func apply(_ operation: MigrationOperation) throws {
        func fail(_ message: String) -> ReplayError { ReplayError(description: message) }
        func withTable(_ name: String, _ body: (inout Table) throws -> Void) throws {
            guard let i = tableIndex(name) else { throw fail("table '\(name)' does not exist") }
            try body(&tables[i])
        }
        switch operation {
        case .createTable(let t):
            guard table(t.name) == nil else { throw fail("table '\(t.name)' already exists") }
            tables.append(t)
        case .dropTable(let t):
            guard let i = tableIndex(t.name) else { throw fail("table '\(t.name)' does not exist") }
            tables.remove(at: i)
        case .addColumn(let name, let column):
            try withTable(name) { t in
                guard t.column(column.name) == nil else { throw fail("column '\(name).\(column.name)' already exists") }
                t.columns.append(column)
            }
        case .dropColumn(let name, let column):
            try withTable(name) { t in
                guard t.column(column.name) != nil else { throw fail("column '\(name).\(column.name)' does not exist") }
                t.columns.removeAll { $0.name == column.name }
            }
        case .alterColumn(let name, let from, let to):
            try withTable(name) { t in
                guard let i = t.columns.firstIndex(where: { $0.name == from.name }) else {
                    throw fail("column '\(name).\(from.name)' does not exist")
                }
                t.columns[i] = to
            }
        case .createIndex(let name, let index):
            try withTable(name) { t in t.indexes.append(index) }
        case .dropIndex(let name, let index):
            try withTable(name) { t in t.indexes.removeAll { $0.name == index.name } }
        case .addConstraint(let name, let constraint):
            try withTable(name) { t in t.add(constraint) }
        case .dropConstraint(let name, let constraint):
            try withTable(name) { t in
                if let n = constraint.name, t.constraints.contains(where: { $0.name == n }) {
                    t.removeConstraint(named: n)
                } else {
                    t.remove(constraint)
                }
            }
        case .setTableComment(let name, _, let to):
            try withTable(name) { t in t.comment = to }
        case .execute, .code:
            break
        }
    }
}

extension Table {
    /// Removes the table-level constraint with this name.
    public mutating func removeConstraint(named name: String) {
        if primaryKey?.name == name { primaryKey = nil }
        uniqueConstraints.removeAll { $0.name == name }
        foreignKeys.removeAll { $0.name == name }
        checks.removeAll { $0.name == name }
    }
}
