/// An operation that cannot be undone (hand-written code with no reverse).
public struct IrreversibleOperation: Error, CustomStringConvertible {
    public var description: String
}

extension MigrationOperation {
    /// The operation that undoes this one (nil when nothing needs undoing, as for a backfill);
    /// throws for a hand-written step with no reverse.
    public func inverse() throws -> MigrationOperation? {
        switch self {
        case .createTable(let t): return .dropTable(t)
        case .dropTable(let t): return .createTable(t)
        case .addColumn(let t, let c): return .dropColumn(table: t, column: c)
        case .dropColumn(let t, let c): return .addColumn(table: t, column: c)
        case .alterColumn(let t, let from, let to): return .alterColumn(table: t, from: to, to: from)
        case .createIndex(let t, let i): return .dropIndex(table: t, index: i)
        case .createIndexConcurrently(let t, let i): return .dropIndexConcurrently(table: t, index: i)
        case .dropIndexConcurrently(let t, let i): return .createIndexConcurrently(table: t, index: i)
        case .dropIndex(let t, let i): return .createIndex(table: t, index: i)
        case .addConstraint(let t, let c): return .dropConstraint(table: t, constraint: c)
        case .dropConstraint(let t, let c): return .addConstraint(table: t, constraint: c)
        case .setTableComment(let t, let from, let to): return .setTableComment(table: t, from: to, to: from)
        case .setRowLevelSecurity(let t, let from, let to): return .setRowLevelSecurity(table: t, from: to, to: from)
        case .setSQLiteTableOptions(let t, let from, let to): return .setSQLiteTableOptions(table: t, from: to, to: from)
        case .renameTable(let from, let to): return .renameTable(from: to, to: from)
        case .renameColumn(let t, let from, let to): return .renameColumn(table: t, from: to, to: from)
        case .renameIndex(let t, let from, let to): return .renameIndex(table: t, from: to, to: from)
        case .renameConstraint(let t, let from, let to): return .renameConstraint(table: t, from: to, to: from)
        case .renameEnumType(let from, let to): return .renameEnumType(from: to, to: from)
        case .renameEnumValue(let type, let from, let to, let columns):
            return .renameEnumValue(type: type, from: to, to: from, columns: columns)
        case .createEnumType(let e): return .dropEnumType(e)
        case .dropEnumType(let e): return .createEnumType(e)
        case .addEnumValue(let type, let value, _, _):
            throw IrreversibleOperation(description: "PostgreSQL cannot remove value '\(value)' from enum type \(type)")
        case .replaceEnumType(let from, let to): return .replaceEnumType(from: to, to: from)
        case .createSequence(let s): return .dropSequence(s)
        case .dropSequence(let s): return .createSequence(s)
        case .alterSequence(let from, let to): return .alterSequence(from: to, to: from)
        case .setIndexComment(let t, let i, let from, let to): return .setIndexComment(table: t, index: i, from: to, to: from)
        case .createObject(let o): return .dropObject(o)
        case .dropObject(let o): return .createObject(o)
        // A view replaced in place one way (columns appended) cannot be the other: going back recreates.
        case .replaceObject(let from, let to):
            return from.id.kind.replacesInPlaceBothWays ? .replaceObject(from: to, to: from) : .recreateObject(from: to, to: from)
        case .recreateObject(let from, let to): return .recreateObject(from: to, to: from)
        case .validateConstraint: return nil  // a validated constraint stays valid: nothing to undo
        case .backfill, .batchedUpdate, .expect: return nil
        case .execute(let raw):
            guard let reverse = raw.reverse else {
                throw IrreversibleOperation(description: "hand-written SQL has no reverse: \(raw.sql ?? raw.perDialect.min { $0.key < $1.key }?.value ?? "")")
            }
            return .execute(reverse)
        case .code(let code):
            guard let inverse = code.inverse else {
                throw IrreversibleOperation(description: "Swift code '\(code.name)' has no reverse")
            }
            return .code(inverse)
        }
    }
}

extension Array where Element == MigrationOperation {
    /// The operations that undo these, in reverse order; throws if one has no reverse.
    public func inverse() throws -> [MigrationOperation] {
        try self.reversed().compactMap { try $0.inverse() }
    }

    /// The downgrade a revision derives from its upgrade: every step's reverse, in mirrored order.
    /// A hand-written step with no reverse becomes a step that fails, naming it, when it runs.
    public var derivedDowngrade: [MigrationOperation] {
        self.reversed().compactMap { op in
            do { return try op.inverse() } catch { return .code(.irreversible(op.summary)) }
        }
    }
}
