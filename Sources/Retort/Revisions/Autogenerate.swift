import Foundation

/// Compares the models with a database and writes the difference as new revisions.
public struct Autogenerator {
    /// The models, validated and with every constraint named.
    public let models: Schema
    public let graph: RevisionGraph

    /// Validates the models (throws `ModelError`) and names their constraints.
    public init(models: Schema, graph: RevisionGraph) throws {
        try models.validate()
        self.models = models.named()
        self.graph = graph
    }

    /// The operations that turn the database's schema into the models'.
    public func differences(_ db: any DatabaseConnection) throws -> [MigrationOperation] {
        let dialect = db.dialect.implementation
        return Differ(dialect: dialect).diff(from: try dialect.introspect(db), to: models)
    }

    /// Refuses unless the database has every revision applied (autogen must diff against head).
    public func requireAtHead(_ db: any DatabaseConnection) throws {
        let heads = try Migrator.translate(VersionTable.heads(db), graph: graph)
        let graphHeads = graph.heads
        if graphHeads.count > 1 {
            throw RevisionError(
                "there are \(graphHeads.count) heads (\(graphHeads.joined(separator: ", "))); run 'merge heads -m MESSAGE' first")
        }
        guard Set(heads) == Set(graphHeads) else {
            let at = heads.isEmpty ? "base" : heads.joined(separator: ", ")
            throw RevisionError(
                "the database is not at head (it is at \(at); head is \(graphHeads.first ?? "base")); run 'upgrade head' first")
        }
    }

    /// The revisions for the database's difference from the models: one per table, chained in
    /// dependency order (or one in all with `single`); empty when there is no difference.
    public func revisions(message: String, db: any DatabaseConnection, single: Bool = false, date: Date = Date()) throws
        -> [RevisionInfo]
    {
        try requireAtHead(db)
        let dialect = db.dialect.implementation
        let plan = Differ(dialect: dialect).plan(from: try dialect.introspect(db), to: models)
        guard !plan.groups.isEmpty else { return [] }
        let groups = single || plan.groups.count == 1 ? [PlannedGroup(table: nil, operations: plan.operations)] : plan.groups
        return try Self.chain(groups, message: message, parents: graph.heads, single: groups.count == 1) { i in
            (RevisionID.make(date: date, sequence: i + 1), RevisionID.timestamp(date))
        }
    }

    /// Revisions for plan groups, each the child of the one before; the first has `parents`.
    static func chain(
        _ groups: [PlannedGroup], message: String, parents: [String], single: Bool,
        identity: (Int) -> (id: String, createdAt: String)
    ) throws -> [RevisionInfo] {
        var result: [RevisionInfo] = []
        var previous = parents
        for (i, group) in groups.enumerated() {
            let (id, createdAt) = identity(i)
            result.append(
                RevisionInfo(
                    id: id, parents: previous, message: single ? message : "\(message): \(group.summary)",
                    createdAt: createdAt, upgrade: group.operations, downgrade: try group.operations.inverse()))
            previous = [id]
        }
        return result
    }
}
