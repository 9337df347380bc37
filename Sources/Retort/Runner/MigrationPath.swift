/// Which way a step goes.
public enum Direction: String, Sendable {
    /// The revision is applied.
    case upgrade
    /// The revision is reverted.
    case downgrade
}

/// One revision to apply or revert.
public struct MigrationStep: Sendable {
    /// The revision applied or reverted.
    public var revision: RevisionInfo
    /// Whether it is applied or reverted.
    public var direction: Direction
}

/// Works out, from the applied heads, which revisions a target needs and in which order.
struct MigrationPath {
    let graph: RevisionGraph

    /// The heads after applying or reverting one revision.
    func heads(after step: MigrationStep, from heads: Set<String>) -> Set<String> {
        let r = step.revision
        switch step.direction {
        case .upgrade:
            return heads.subtracting(r.parents).union([r.id])
        case .downgrade:
            var result = heads.subtracting([r.id])
            let applied = graph.ancestors(of: result)
            for p in r.parents where !applied.contains(p) { result.insert(p) }
            // A parent is a head only if none of its children stays applied.
            return result.filter { id in !(graph.children[id] ?? []).contains { graph.ancestors(of: result).contains($0) } }
        }
    }

    /// The revision ids an upgrade target names (absolute), given the applied heads.
    func upgradeTargets(_ target: String, heads: Set<String>) throws -> Set<String> {
        switch target {
        case "head":
            return Set([try graph.singleHead()].compactMap { $0 })
        case "heads":
            return Set(graph.heads)
        default:
            if let n = Self.relative(target, sign: "+") {
                var applied = graph.ancestors(of: heads)
                var picked: [String] = []
                for _ in 0..<n {
                    guard let next = graph.order.first(where: { id in
                        !applied.contains(id) && graph[id].parents.allSatisfy(applied.contains)
                    }) else {
                        throw RevisionError("cannot upgrade \(target): only \(picked.count) revision(s) left to apply")
                    }
                    applied.insert(next)
                    picked.append(next)
                }
                return Set(picked).union(heads)
            }
            if let (base, n) = try revisionOffset(target, sign: "+") {
                var id = base
                for _ in 0..<n {
                    let kids = graph.children[id] ?? []
                    guard kids.count == 1 else {
                        throw RevisionError("cannot take \(target): '\(id)' has \(kids.count) children")
                    }
                    id = kids[0]
                }
                return [id]
            }
            return [try graph.resolve(target)]
        }
    }

    /// The heads a `stamp` target names.
    func stampTargets(_ target: String) throws -> Set<String> {
        switch target {
        case "base": return []
        case "heads": return Set(graph.heads)
        case "head": return Set([try graph.singleHead()].compactMap { $0 })
        default: return [try graph.resolve(target)]
        }
    }

    /// Revisions to apply to reach the targets, parents first.
    func upgradePlan(to targets: Set<String>, heads: Set<String>) -> [MigrationStep] {
        let applied = graph.ancestors(of: heads)
        let wanted = graph.ancestors(of: targets)
        return graph.order.filter { wanted.contains($0) && !applied.contains($0) }
            .map { MigrationStep(revision: graph[$0], direction: .upgrade) }
    }

    /// Revisions to revert for a downgrade target, children first.
    func downgradePlan(_ target: String, heads: Set<String>) throws -> [MigrationStep] {
        let applied = graph.ancestors(of: heads)
        var revert: Set<String>
        if target == "base" {
            revert = applied
        } else if let n = Self.relative(target, sign: "-") {
            revert = []
            var current = heads
            for _ in 0..<n {
                let tips = current.sorted()
                guard !tips.isEmpty else {
                    throw RevisionError("cannot downgrade \(target): only \(revert.count) revision(s) are applied")
                }
                guard tips.count == 1 else {
                    throw RevisionError(
                        "cannot downgrade \(target): several heads are applied (\(tips.joined(separator: ", "))); name one, e.g. '\(tips[0])-1'")
                }
                revert.insert(tips[0])
                current = self.heads(after: MigrationStep(revision: graph[tips[0]], direction: .downgrade), from: current)
            }
        } else {
            if let (base, n) = try revisionOffset(target, sign: "-") {
                // One branch only: `rev` and its first-parent line, N revisions in all, and whatever
                // applied revisions descend from them (a merge); other branches stay.
                var walk = base
                var line: Set<String> = []
                for _ in 0..<n {
                    guard applied.contains(walk) else { throw RevisionError("cannot take \(target): '\(walk)' is not applied") }
                    line.insert(walk)
                    guard let parent = graph[walk].parents.first else { break }
                    walk = parent
                }
                revert = Set(line.flatMap { graph.descendants(of: $0) }).intersection(applied)
            } else {
                let id = try graph.resolve(target)
                revert = graph.descendants(of: id).subtracting([id]).intersection(applied)
            }
        }
        return graph.order.reversed().filter { revert.contains($0) }
            .map { MigrationStep(revision: graph[$0], direction: .downgrade) }
    }

    /// `+N` or `-N`: the number of steps.
    static func relative(_ target: String, sign: Character) -> Int? {
        guard target.first == sign, let n = Int(target.dropFirst()), n > 0 else { return nil }
        return n
    }

    /// `<rev>+N` or `<rev>-N`: the revision and the number of steps.
    func revisionOffset(_ target: String, sign: Character) throws -> (String, Int)? {
        guard let i = target.lastIndex(of: sign), i != target.startIndex, let n = Int(target[target.index(after: i)...]), n > 0
        else { return nil }
        return (try graph.resolve(String(target[..<i])), n)
    }
}
