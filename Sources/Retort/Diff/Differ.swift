import Foundation

/// What the differ found: the operations that turn the database's schema into the target, in no
/// particular order (renames first), and the database's schema as they see it.
public struct Difference: Sendable {
    /// The operations, unordered; the planner orders them.
    public var operations: [MigrationOperation]
    /// The database's schema with its names spelled as the target spells them, renames not applied.
    public var current: Schema
}

/// Computes the operations that turn one schema into another, comparing normalized typed values,
/// one object kind at a time. A kind is a type in `Diff/` that plugs into one of the two lists
/// below: beside the tables (`SchemaComparison`) or inside a table (`TableComparison`).
public struct Differ: Sendable {
    /// The dialect whose normalization decides what counts as equal.
    public let dialect: any Dialect

    /// A differ for a dialect.
    public init(dialect: any Dialect) {
        self.dialect = dialect
    }

    /// The kinds that live beside the tables, in the order their operations are listed.
    static let schemaComparisons: [any SchemaComparison.Type] = [
        ExtensionComparison.self, EnumTypeComparison.self, CompositeTypeComparison.self, DomainComparison.self, SequenceComparison.self, FunctionComparison.self,
        ViewComparison.self, MaterializedViewComparison.self,
    ]

    /// The kinds inside a table both schemas have, in the order their operations are listed.
    static let tableComparisons: [any TableComparison.Type] = [
        ColumnComparison.self, PrimaryKeyComparison.self, UniqueConstraintComparison.self, ForeignKeyComparison.self,
        CheckConstraintComparison.self, IndexComparison.self, TableCommentComparison.self, SQLiteTableOptionsComparison.self,
        TriggerComparison.self, PartitionComparison.self, RowLevelSecurityComparison.self, PolicyComparison.self, ExclusionComparison.self,
    ]

    /// The operations that turn `current` (usually the database) into `target` (usually the models),
    /// unordered: `PlanPipeline` orders them. The target's hints (renames, backfills) steer the
    /// result; throws a `ModelError` for a rename whose old and new names both exist.
    /// `canonical` holds the target's tables as the database spells their expressions; they decide
    /// what is equal, while the operations keep the target's own text.
    public func diff(from current: Schema, to target: Schema, canonical: CanonicalForms = CanonicalForms()) throws
        -> [MigrationOperation]
    {
        try difference(from: current, to: target, canonical: canonical).operations
    }

    /// The operations and the database's schema as they see it (see `diff`).
    public func difference(from database: Schema, to target: Schema, canonical: CanonicalForms = CanonicalForms()) throws
        -> Difference
    {
        let current = dialect.spelling(database, as: target)
        let (renames, renamed) = try Renames.resolve(current: current, target: target)
        let plain = target.withoutHints()
        let pair = SchemaPair(current: renamed, target: plain, canonical: canonical, dialect: dialect)
        let objects = try Self.schemaComparisons.flatMap { try $0.compare(pair) }
        var tableOps = try tableOperations(from: renamed, to: target, canonical: canonical)
        if dialect.traits.referencedKeysArePinned {
            tableOps = ReferencingKeys.detach(tableOps, current: renamed, target: plain)
        }
        return Difference(operations: renames + objects + tableOps, current: current)
    }

    /// Suggestions for drops and adds in `operations` that look like unhinted renames.
    public func renameSuggestions(_ operations: [MigrationOperation]) -> [String] {
        Renames.suggestions(operations, dialect: dialect)
    }

    /// The operations on tables (created, dropped, changed), renames already applied to `current`.
    func tableOperations(from current: Schema, to hinted: Schema, canonical: CanonicalForms = CanonicalForms()) throws
        -> [MigrationOperation]
    {
        let target = hinted.withoutHints()
        let backfills = Dictionary(hinted.tables.map { ($0.name, $0.hints?.backfills ?? [:]) }) { a, _ in a }
        var ops: [MigrationOperation] = []
        let currentByName = Dictionary(current.tables.map { ($0.name, $0) }) { a, _ in a }
        let targetNames = Set(target.tables.map(\.name))
        // Tables are compared independently: a large schema is split over the cores, the
        // results kept in model order.
        let tables = target.tables
        let chunks = tables.count >= 512 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
        let size = (tables.count + chunks - 1) / max(chunks, 1)
        var results = [Result<[MigrationOperation], any Error>](repeating: .success([]), count: chunks)
        let dialect = self.dialect
        let dependents = current.dependents
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer, which outlives the loop.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * size)..<min(tables.count, (chunk + 1) * size)
                out[chunk] = Result {
                    var found: [MigrationOperation] = []
                    for table in tables[range] {
                        if let old = currentByName[table.name] {
                            let pair = TablePair(
                                old: old, new: table, normalizedOld: dialect.normalized(old),
                                normalizedNew: dialect.normalized(canonical.comparable(table)), backfills: backfills[table.name] ?? [:],
                                dependents: dependents, dialect: dialect)
                            for comparison in Self.tableComparisons { found += try comparison.compare(pair) }
                        } else {
                            found.append(.createTable(table))
                        }
                    }
                    return found
                }
            }
        }
        for result in results { ops += try result.get() }
        for table in current.tables where !targetNames.contains(table.name) {
            try dialect.checkDrop("table \(table.name)", dependents: current.dependents[ColumnReference(table.name, "")] ?? [])
            ops.append(.dropTable(table))
        }
        return ops
    }
}
