extension Migrator {
    /// Refuses unless the database has every revision of `graph` applied and the graph has one head
    /// (autogen must diff against head).
    public static func requireAtHead(_ db: any DatabaseConnection, graph: RevisionGraph) throws {
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
}
