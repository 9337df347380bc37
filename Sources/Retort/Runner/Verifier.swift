/// A revision whose downgrade does not undo its upgrade, or that loses rows it should keep.
public struct VerificationError: Error, CustomStringConvertible, Sendable {
    /// The revision that failed the check.
    public var revision: String
    /// What went wrong.
    public var reason: String
    public var description: String { "revision \(revision) fails verification: \(reason)" }
}

/// `verify`: applies the history from base on an empty database one revision at a time, with a few
/// generated rows in every table; after each revision, downgrades it and upgrades it again, and
/// requires the same schema and the rows of the columns it does not add or drop to survive.
public struct Verifier {
    /// The revision history verified.
    public let graph: RevisionGraph
    /// Receives a line per revision verified, and notes (tables left without rows).
    public var log: (String) -> Void

    /// A verifier of a revision history.
    public init(graph: RevisionGraph, log: @escaping (String) -> Void = { _ in }) {
        self.graph = graph
        self.log = log
    }

    /// Verifies every revision, in applying order, on `db` (an empty database); throws a
    /// `VerificationError` naming the first revision that fails. Returns the schema at head.
    @discardableResult
    public func verify(on db: any DatabaseConnection) throws -> Schema {
        let dialect = db.dialect.implementation
        let migrator = Migrator(graph: graph, connection: db)
        var before = try dialect.introspect(db)
        for id in graph.order {
            func fail(_ reason: String) -> VerificationError {
                VerificationError(revision: "\(id) (\(graph[id].message))", reason: reason)
            }
            do { try migrator.upgrade(to: id) } catch { throw fail("upgrade failed: \(error)") }
            var after = try dialect.introspect(db)
            for note in try SampleRows.fill(db, schema: after) { log("note: \(note)") }
            after = try dialect.introspect(db)
            let kept = Self.keptColumns(before: before, after: after)
            let rows = try Self.rows(db, kept)
            do { try migrator.downgrade(to: "\(id)-1") } catch { throw fail("downgrade failed: \(error)") }
            let reverted = try dialect.introspect(db)
            let undone = Self.ignoringValidation(try PlanPipeline(dialect: dialect).operations(from: reverted, to: before))
            guard undone.isEmpty else {
                throw fail("its downgrade does not undo its upgrade: \(undone.map(\.summary).joined(separator: "; "))")
            }
            do { try migrator.upgrade(to: id) } catch { throw fail("upgrade after its downgrade failed: \(error)") }
            let again = try dialect.introspect(db)
            let drift = try PlanPipeline(dialect: dialect).operations(from: again, to: after)
            guard drift.isEmpty else {
                throw fail("upgrade, downgrade, upgrade gives another schema: \(drift.map(\.summary).joined(separator: "; "))")
            }
            let rowsAgain = try Self.rows(db, kept)
            for (table, values) in rows where rowsAgain[table] != values {
                throw fail("rows of \(table) changed through downgrade and upgrade (\(values.count) before, \(rowsAgain[table]?.count ?? 0) after)")
            }
            log("ok \(id): upgrade, downgrade, upgrade (\(rows.values.map(\.count).reduce(0, +)) row(s) kept in \(rows.count) table(s))")
            before = again
        }
        return before
    }

    /// The differences without those that only re-mark a constraint `NOT VALID`: a downgrade may
    /// leave a validated constraint validated (PostgreSQL cannot un-validate one without dropping it),
    /// which is stricter, never looser, and upgrading again validates it anyway.
    static func ignoringValidation(_ ops: [MigrationOperation]) -> [MigrationOperation] {
        /// A constraint of a table, by name.
        struct Named: Hashable {
            var table: String
            var name: String
        }
        var notValidAgain = Set<Named>()
        for op in ops {
            guard case .addConstraint(let t, let c) = op, c.notValid, let name = c.name else { continue }
            let same = ops.contains {
                guard case .dropConstraint(t, let old) = $0, old.name == name, !old.notValid else { return false }
                switch (old, c) {
                case (.foreignKey(let a), .foreignKey(let b)): return a.sameDefinition(as: b)
                case (.check(let a), .check(let b)): return a.sameDefinition(as: b)
                default: return false
                }
            }
            if same { notValidAgain.insert(Named(table: t, name: name)) }
        }
        return ops.filter { op in
            switch op {
            case .addConstraint(let t, let c), .dropConstraint(let t, let c): return !notValidAgain.contains(Named(table: t, name: c.name ?? ""))
            default: return true
            }
        }
    }

    /// Per table present before and after the revision, the columns present in both.
    static func keptColumns(before: Schema, after: Schema) -> [String: [String]] {
        var kept: [String: [String]] = [:]
        for t in after.tables {
            guard let old = before.table(t.name) else { continue }
            let columns = t.columns.map(\.name).filter { old.column($0) != nil }
            if !columns.isEmpty { kept[t.name] = columns }
        }
        return kept
    }

    /// The rows of those columns, each as text, sorted.
    static func rows(_ db: any DatabaseConnection, _ columns: [String: [String]]) throws -> [String: [String]] {
        var rows: [String: [String]] = [:]
        for (table, names) in columns {
            rows[table] = try db.query("SELECT \(SQLText.quoteList(names)) FROM \(SQLText.quote(table))").map { row in
                row.map { value -> String in
                    switch value {
                    case .null: return "NULL"
                    case .blob(let bytes): return bytes.map { String($0, radix: 16) }.joined()
                    default: return value.string ?? ""
                    }
                }.joined(separator: "\u{1}")
            }.sorted()
        }
        return rows
    }
}
