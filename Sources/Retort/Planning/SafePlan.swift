/// The safety pass (decision 13): rewrites a plan so that no step holds a long lock on a table
/// that already has rows and serves the application. For each such table:
///
/// - *prepare* (not transactional): indexes dropped with `DROP INDEX CONCURRENTLY`;
/// - *expand* (not transactional): the table's other changes, with foreign keys and checks added `NOT VALID`, and a
///   new `NOT NULL` column added nullable (with the model's backfill value as a temporary default);
/// - *backfill* (not transactional): existing rows filled in batches with the backfill value, or,
///   without one, a step that refuses to run while rows lack a value;
/// - *contract* (not transactional, each step its own transaction): `CHECK (col IS NOT NULL) NOT
///   VALID`, `VALIDATE`, `SET NOT NULL`, the helper check dropped, the column's own default; the
///   new keys and checks validated; indexes built with `CREATE INDEX CONCURRENTLY`; a unique
///   constraint's index built so first, then `ADD CONSTRAINT … UNIQUE USING INDEX`.
///
/// New tables and tables being dropped are left alone. On SQLite the same revisions render as their
/// plain equivalents.
public enum SafePlan {
    /// Rows per batch of a backfill.
    public static let batchSize = 10_000

    /// The safe version of `plan`, which turns `current` into the models; `backfills` are the values
    /// the models name for existing rows (`Column(…).backfill(…)`), by table and column.
    public static func rewrite(_ plan: Plan, current: Schema, backfills: [String: [String: DefaultValue]]) -> Plan {
        var groups: [PlannedGroup] = []
        for group in plan.groups {
            guard let table = group.table, current.table(table) != nil,
                !group.operations.contains(where: { if case .dropTable = $0 { true } else { false } })
            else {
                groups.append(group)
                continue
            }
            var prepare: [MigrationOperation] = [], expand: [MigrationOperation] = [], backfill: [MigrationOperation] = []
            var contract: [MigrationOperation] = []
            var pendingValues: [String: DefaultValue] = [:]  // column -> value from a .backfill op
            for op in group.operations {
                switch op {
                case .dropIndex(let t, let i):
                    prepare.append(.dropIndexConcurrently(table: t, index: i))
                case .createIndex(let t, let i):
                    contract.append(.createIndexConcurrently(table: t, index: i))
                case .addConstraint(let t, .foreignKey(var fk)) where !fk.notValid && fk.name != nil:
                    fk.notValid = true
                    expand.append(.addConstraint(table: t, constraint: .foreignKey(fk)))
                    contract.append(.validateConstraint(table: t, name: fk.name!))
                case .addConstraint(let t, .unique(let u)) where u.name != nil:
                    // The index first, without blocking writes; then the constraint takes it over.
                    contract.append(
                        .createIndexConcurrently(
                            table: t, index: Index(u.columns, unique: true, name: u.name, nullsNotDistinct: u.nullsNotDistinct)))
                    contract.append(op)
                case .addConstraint(let t, .check(var c)) where !c.notValid && c.name != nil:
                    c.notValid = true
                    expand.append(.addConstraint(table: t, constraint: .check(c)))
                    contract.append(.validateConstraint(table: t, name: c.name!))
                case .addColumn(let t, let c) where !c.nullable && !c.autoincrement && c.generated == nil && !hasConstantDefault(c):
                    let value = backfills[t]?[c.name]
                    var loose = c
                    loose.nullable = true
                    loose.defaultValue = value ?? c.defaultValue
                    expand.append(.addColumn(table: t, column: loose))
                    backfill.append(fill(t, c.name, value))
                    contract += setNotNull(t, from: loose, to: c)
                case .backfill(let t, let column, let value):
                    pendingValues[column] = value
                    backfill.append(fill(t, column, value))
                case .alterColumn(let t, let from, let to) where from.nullable && !to.nullable && onlyNullabilityOrDefault(from, to):
                    if pendingValues[to.name] == nil { backfill.append(fill(t, to.name, backfills[t]?[to.name])) }
                    contract += setNotNull(t, from: from, to: to)
                case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndexConcurrently,
                    .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions,
                    .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType, .renameEnumValue,
                    .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence, .dropSequence,
                    .alterSequence, .setIndexComment, .validateConstraint, .batchedUpdate, .expect, .execute, .code, .createObject,
                    .dropObject, .replaceObject, .recreateObject:
                    expand.append(op)
                }
            }
            if !prepare.isEmpty { groups.append(PlannedGroup(table: table, operations: prepare, transactional: false, phase: .prepare)) }
            if !expand.isEmpty {
                // Not transactional either: each step commits on its own under the lock policy's short
                // lock_timeout, retried, so writers never queue behind it for long.
                groups.append(
                    PlannedGroup(
                        table: table, operations: expand, transactional: false,
                        phase: backfill.isEmpty && contract.isEmpty ? nil : .expand))
            }
            if !backfill.isEmpty { groups.append(PlannedGroup(table: table, operations: backfill, transactional: false, phase: .backfill)) }
            if !contract.isEmpty { groups.append(PlannedGroup(table: table, operations: contract, transactional: false, phase: .contract)) }
        }
        return Plan(groups: groups)
    }

    /// A column default PostgreSQL 11+ stores once, adding the column without rewriting the table.
    static func hasConstantDefault(_ c: Column) -> Bool {
        guard let d = c.defaultValue else { return false }
        if case .expression(let e) = d {
            let words = SQLTokenizer.tokenize(e).filter { $0.kind == .word }.map { $0.value.lowercased() }
            return !words.contains(where: LintRule.volatileFunctions.contains)
        }
        return true
    }

    static func onlyNullabilityOrDefault(_ from: Column, _ to: Column) -> Bool {
        var a = from, b = to
        a.nullable = false
        b.nullable = false
        a.defaultValue = nil
        b.defaultValue = nil
        return a == b
    }

    /// Existing rows get the value in batches; without one, a step that refuses while rows lack it.
    static func fill(_ table: String, _ column: String, _ value: DefaultValue?) -> MigrationOperation {
        let q = SQLText.quote(column)
        guard let value else {
            return .expect(
                Expectation(
                    noRows: "SELECT 1 FROM \(SQLText.quote(table)) WHERE \(q) IS NULL",
                    message: "rows of \(table) have no \(column): give the model Column(\"\(column)\", …).backfill(value) and run autogen --safe again, or fill them in this revision"))
        }
        return .batchedUpdate(BatchedUpdate(table, set: [ColumnAssignment(column, value.spelled(.portable))], where: "\(q) IS NULL", batchSize: batchSize))
    }

    /// `SET NOT NULL` proven by a validated check first, so it does not scan under an exclusive lock.
    static func setNotNull(_ table: String, from: Column, to: Column) -> [MigrationOperation] {
        let check = CheckConstraint(NamingConvention.fit("ck_\(table)_\(to.name)_not_null"), "\(SQLText.quote(to.name)) IS NOT NULL", notValid: true)
        return [
            .addConstraint(table: table, constraint: .check(check)), .validateConstraint(table: table, name: check.name!),
            .alterColumn(table: table, from: from, to: to),
            .dropConstraint(table: table, constraint: .check(CheckConstraint(check.name, check.expression))),
        ]
    }
}
