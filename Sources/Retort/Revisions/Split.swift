/// `split`: a multi-table revision rewritten as a per-table chain.
public struct RevisionSplit: Sendable {
    /// The new revisions, first to last; the last one `replaces` the old revision.
    public var revisions: [RevisionInfo]
    /// Revisions whose parent list must name the last new revision instead of the old one.
    public var children: [String]
    /// The revision that was split.
    public var old: RevisionInfo

    /// Splits a revision; refuses hand-written steps and revisions that change a single table.
    public init(_ id: String, in graph: RevisionGraph) throws {
        let old = graph[try graph.resolve(id)]
        if let step = old.upgrade.first(where: \.isHandWritten) ?? old.downgrade.first(where: \.isHandWritten) {
            throw RevisionError("revision \(old.id) holds hand-written code (\(step.summary)); Retort cannot split it")
        }
        // The schema before the revision, replayed from base: what the planner orders against.
        var before = Schema()
        let ancestors = graph.ancestors(of: old.parents)
        for rid in graph.order where ancestors.contains(rid) {
            for op in graph[rid].upgrade { try before.apply(op) }
        }
        var after = before
        for op in old.upgrade { try after.apply(op) }
        let plan = Planner().plan(old.upgrade, current: before, target: after)
        guard plan.groups.count > 1 else {
            throw RevisionError("revision \(old.id) changes a single table; there is nothing to split")
        }
        var revisions = try Autogenerator.chain(plan.groups, message: old.message, parents: old.parents, single: false) { i in
            (old.id + "_s" + (i < 9 ? "0\(i + 1)" : String(i + 1)), old.createdAt)
        }
        revisions[revisions.count - 1].replaces = [old.id] + old.replaces
        for i in revisions.indices {
            revisions[i].allow = old.allow  // what the old revision acknowledged
            revisions[i].transactional = old.transactional
        }
        self.revisions = revisions
        self.children = graph.children[old.id] ?? []
        self.old = old
    }
}
