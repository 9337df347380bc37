/// The operations of one table (or the foreign keys that close a cycle), in the order they run.
public struct PlannedGroup: Hashable, Sendable {
    /// The table these operations change; nil for the group of cycle-closing foreign keys.
    public var table: String?
    /// The object beside the tables (a view) the group creates, drops or replaces, if it is one.
    public var object: ObjectID?
    /// The group's operations, in the order they run.
    public var operations: [MigrationOperation]
    /// False for a group whose steps commit one by one (a safe plan's concurrent builds, batches).
    public var transactional: Bool = true
    /// The step of a safe plan the group is, if any.
    public var phase: SafePlanPhase?

    /// A group of operations.
    public init(
        table: String?, object: ObjectID? = nil, operations: [MigrationOperation], transactional: Bool = true,
        phase: SafePlanPhase? = nil
    ) {
        self.table = table
        self.object = object
        self.operations = operations
        self.transactional = transactional
        self.phase = phase
    }

    /// A few words for the group, used in revision messages: `create t`, `alter t`, `drop t`.
    public var summary: String {
        if let phase, let table { return "\(phase.rawValue) \(table)" }
        if let object, let first = operations.first {
            switch first {
            case .dropObject: return "drop \(object)"
            case .createObject: return "create \(object)"
            case .replaceObject, .recreateObject: return "replace \(object)"
            case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
                .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
                .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
                .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence,
                .dropSequence, .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect,
                .execute, .code: return "alter \(object)"
            }
        }
        guard let table else {
            let onlyKeys = operations.allSatisfy {
                switch $0 {
                case .addConstraint(_, .foreignKey), .dropConstraint(_, .foreignKey): return true
                case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
                    .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
                    .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .renameEnumType,
                    .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence,
                    .dropSequence, .alterSequence, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect,
                    .execute, .code, .createObject, .dropObject, .replaceObject, .recreateObject: return false
                }
            }
            let onlyEnums = operations.allSatisfy {
                switch $0 {
                case .renameEnumType, .renameEnumValue: return true
                case .createTable, .dropTable, .addColumn, .dropColumn, .alterColumn, .createIndex, .dropIndex,
                    .createIndexConcurrently, .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity,
                    .setSQLiteTableOptions, .renameTable, .renameColumn, .renameIndex, .renameConstraint, .createEnumType,
                    .dropEnumType, .addEnumValue, .replaceEnumType, .createSequence, .dropSequence, .alterSequence,
                    .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute, .code, .createObject,
                    .dropObject, .replaceObject, .recreateObject: return false
                }
            }
            let onlyDrops = operations.allSatisfy { if case .dropConstraint = $0 { true } else { false } }
            if onlyKeys, onlyDrops { return "drop foreign keys first" }
            if onlyKeys { return "foreign keys closing a cycle" }
            if onlyEnums { return "rename enum types and values" }
            switch Planner.objectPhase(operations.first!) {
            case .before?: return "types and sequences"
            case .after?: return "drop types and sequences"
            case nil: return "other changes"
            }
        }
        if operations.contains(where: { if case .createTable = $0 { true } else { false } }) { return "create \(table)" }
        if operations.contains(where: { if case .dropTable = $0 { true } else { false } }) { return "drop \(table)" }
        return "alter \(table)"
    }
}

/// A step of a safe plan (expand, backfill, contract), which gets a revision of its own.
public enum SafePlanPhase: String, Hashable, Sendable {
    /// Indexes and checks built without blocking writes, before the change.
    case prepare
    /// The change in a form that does not block: a column added nullable, a check `NOT VALID`.
    case expand
    /// Existing rows filled in batches.
    case backfill
    /// The change made strict: `SET NOT NULL`, the check validated, helpers dropped.
    case contract
}

/// A dependency-ordered plan: groups in an order where each applies after what it depends on.
public struct Plan: Hashable, Sendable {
    /// The groups, each after the ones it depends on.
    public var groups: [PlannedGroup]
    /// Every operation, group after group.
    public var operations: [MigrationOperation] { groups.flatMap(\.operations) }
}
