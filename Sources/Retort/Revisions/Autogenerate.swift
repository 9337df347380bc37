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
        let heads = try VersionTable.heads(db)
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

    /// The revision for the database's difference from the models, or nil when there is none.
    public func revision(message: String, db: any DatabaseConnection, date: Date = Date()) throws -> RevisionInfo? {
        try requireAtHead(db)
        let ops = try differences(db)
        guard !ops.isEmpty else { return nil }
        return RevisionInfo(
            id: RevisionID.make(date: date), parents: graph.heads, message: message, createdAt: RevisionID.timestamp(date),
            upgrade: ops, downgrade: try ops.inverse())
    }
}
