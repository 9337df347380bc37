/// An SQL script rendered offline, and the Swift steps it could not hold.
public struct OfflineScript: Sendable {
    /// The script text.
    public var text: String
    /// Each Swift step left out of the script (`revision: name`), marked by a comment where it runs.
    public var swiftSteps: [String]
}

/// Renders revisions as an SQL script instead of running them (`--sql`).
///
/// No database is read: the schema before each revision is rebuilt by replaying the
/// revisions from base, which is what SQLite's table rebuilds need to know. Hand-written Swift
/// steps cannot be printed: a comment marks where each would run, and `swiftSteps` lists them.
public struct OfflineSQL {
    /// The revision history.
    public let graph: RevisionGraph
    /// The dialect the script is written for.
    public let dialect: any Dialect

    /// Offline rendering of these revisions for a dialect.
    public init(graph: RevisionGraph, dialect: any Dialect) {
        self.graph = graph
        self.dialect = dialect
    }

    /// The script for `upgrade [FROM:]TARGET`; FROM defaults to base.
    public func upgrade(_ range: String) throws -> OfflineScript {
        let (fromText, target) = split(range)
        let path = MigrationPath(graph: graph)
        let start: Set<String> = try fromText.map { $0 == "base" ? [] : [try graph.resolve($0)] } ?? []
        let targets = try path.upgradeTargets(target, heads: start)
        return try script(path.upgradePlan(to: targets, heads: start), from: start)
    }

    /// The script for `downgrade FROM:TARGET`; FROM is required, as no database says where to start.
    public func downgrade(_ range: String) throws -> OfflineScript {
        let (fromText, target) = split(range)
        guard let fromText else {
            throw RevisionError("downgrade --sql needs a range FROM:TARGET, e.g. 'head:-1' or 'head:base'")
        }
        let path = MigrationPath(graph: graph)
        let from = fromText == "head" ? try graph.singleHead() : try graph.resolve(fromText)
        let start = Set([from].compactMap { $0 })
        return try script(try path.downgradePlan(target, heads: start), from: start)
    }

    /// The script for `stamp TARGET`: every recorded row replaced by the target, no migration run.
    public func stamp(_ target: String) throws -> String {
        let wanted = try MigrationPath(graph: graph).stampTargets(target)
        let q = SQLText.quote(VersionTable.name)
        var out = ["-- Retort \(dialect.name.rawValue) stamp \(target)", VersionTable.createSQL + ";", "BEGIN;"]
        out.append("DELETE FROM \(q);")
        out += wanted.sorted().map { "INSERT INTO \(q) (revision) VALUES (\(SQLText.literal($0)));" }
        out.append(AppliedRevisions.createSQL + ";")
        out.append("DELETE FROM \(SQLText.quote(AppliedRevisions.name));")
        let applied = graph.ancestors(of: wanted)
        for id in graph.order where applied.contains(id) { out += AppliedRevisions.record(graph[id]).map { $0 + ";" } }
        out.append("COMMIT;")
        return out.joined(separator: "\n") + "\n"
    }

    private func split(_ range: String) -> (String?, String) {
        guard let colon = range.firstIndex(of: ":") else { return (nil, range) }
        return (String(range[..<colon]), String(range[range.index(after: colon)...]))
    }

    private func script(_ steps: [MigrationStep], from start: Set<String>) throws -> OfflineScript {
        var schema = Schema()
        let applied = graph.ancestors(of: start)
        for id in graph.order where applied.contains(id) {
            for op in graph[id].upgrade { try schema.apply(op) }
        }
        var heads = start
        var swiftSteps: [String] = []
        var out = ["-- Retort \(dialect.name.rawValue) migration script"]
        out += dialect.beforeTransaction.map { $0 + ";" }
        out.append(VersionTable.createSQL + ";")
        out.append(AppliedRevisions.createSQL + ";")
        let path = MigrationPath(graph: graph)
        for step in steps {
            let r = step.revision
            out.append("")
            out.append("-- \(step.direction.rawValue) \(r.id): \(r.message)\(r.transactional ? "" : " (not in one transaction: each statement commits on its own)")")
            if r.transactional { out.append("BEGIN;") }
            let ops = step.direction == .upgrade ? r.upgrade : r.downgrade
            // Render between Swift steps, so each step's comment stands where it runs.
            var chunk: [MigrationOperation] = []
            func flush() throws {
                // No catalog says what uses what: the objects' own SQL does (see `namedDependencies`).
                let postgres = dialect.name == .postgres
                schema.catalog.dependencies = schema.namedDependencies(dialect.name) + (postgres ? schema.declaredDependencies : [])
                for o in schema.objects where schema.catalog.objects[o.id] == nil {
                    if postgres || o.id.kind == .view { schema.catalog.objects[o.id] = CatalogObject(o) }
                }
                out += try dialect.render(chunk, from: schema).map { dialect.scriptSQL($0) + ";" }
                for op in chunk { try schema.apply(op) }
                chunk = []
            }
            for op in ops {
                guard case .code(let code) = op else {
                    chunk.append(op)
                    continue
                }
                try flush()
                swiftSteps.append("\(r.id): \(code.name)")
                out.append("-- Swift step '\(code.name)' of revision \(r.id) runs here; it is not SQL and is not in this script")
            }
            try flush()
            if !r.transactional { out.append("BEGIN;") }
            let after = path.heads(after: step, from: heads)
            out += VersionTable.updateSQL(from: heads, to: after).map { $0 + ";" }
            out += (step.direction == .upgrade ? AppliedRevisions.record(r) : [AppliedRevisions.forget(r.id)]).map { $0 + ";" }
            heads = after
            out.append("COMMIT;")
        }
        return OfflineScript(text: out.joined(separator: "\n") + "\n", swiftSteps: swiftSteps)
    }
}
