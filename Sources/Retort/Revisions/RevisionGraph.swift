/// A problem with the revisions or a revision target; reported before any database is touched.
public struct RevisionError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    /// A revision error with a one-line message.
    public init(_ description: String) { self.description = description }
}

/// The revisions as a directed acyclic graph: parents before children.
public struct RevisionGraph: Sendable {
    /// Every revision by id.
    public let revisions: [String: RevisionInfo]
    /// Every id, parents before children, ties broken by id.
    public let order: [String]
    /// Children of each revision.
    public let children: [String: [String]]

    /// Builds the graph; throws on a duplicate id, an invalid id, a missing parent or a cycle.
    public init(_ list: [RevisionInfo]) throws {
        var byID: [String: RevisionInfo] = [:]
        for r in list {
            guard Self.isValidID(r.id) else {
                throw RevisionError("revision id '\(r.id)' is not a valid identifier (letters, digits and _; not starting with a digit)")
            }
            guard byID[r.id] == nil else { throw RevisionError("two revisions have the id '\(r.id)'") }
            byID[r.id] = r
        }
        var children: [String: [String]] = [:]
        for r in list {
            for p in r.parents {
                guard byID[p] != nil else { throw RevisionError("revision '\(r.id)' has missing parent '\(p)'") }
                children[p, default: []].append(r.id)
            }
        }
        for k in children.keys { children[k]!.sort() }
        // Kahn's algorithm, smallest id first, so the order is deterministic.
        var indegree = byID.mapValues { Set($0.parents).count }
        var ready = byID.keys.filter { indegree[$0] == 0 }.sorted()
        var order: [String] = []
        while !ready.isEmpty {
            let id = ready.removeFirst()
            order.append(id)
            for c in children[id] ?? [] {
                indegree[c]! -= 1
                if indegree[c] == 0 {
                    ready.append(c)
                    ready.sort()
                }
            }
        }
        guard order.count == byID.count else {
            let stuck = byID.keys.filter { !order.contains($0) }.sorted()
            throw RevisionError("the revisions form a cycle: \(stuck.joined(separator: ", "))")
        }
        var replacedBy: [String: String] = [:]
        for r in list {
            for old in r.replaces {
                guard byID[old] == nil else {
                    throw RevisionError("revision '\(r.id)' replaces '\(old)', but a revision file still defines '\(old)'")
                }
                replacedBy[old] = r.id
            }
        }
        self.revisions = byID
        self.order = order
        self.children = children
        self.replacedBy = replacedBy
    }

    /// For ids that `split` replaced: the revision that stands for each now.
    public let replacedBy: [String: String]

    /// The revision a recorded id stands for now, following `replaces`; nil if no file defines it.
    public func current(for recorded: String) -> String? {
        var id = recorded
        var seen = Set<String>()
        while revisions[id] == nil {
            guard let next = replacedBy[id], seen.insert(id).inserted else { return nil }
            id = next
        }
        return id
    }

    /// Letters, digits and underscores, not starting with a digit: usable as a Swift name suffix.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first else { return false }
        let isDigit = { (c: Unicode.Scalar) in ("0"..."9").contains(c) }
        let allowed = id.unicodeScalars.allSatisfy { c in
            isDigit(c) || c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
        }
        return allowed && !isDigit(first)
    }

    /// Revisions with no children.
    public var heads: [String] { order.filter { (children[$0] ?? []).isEmpty } }

    /// Revisions with more than one child: where branches start.
    public var branchPoints: [String] { order.filter { (children[$0] ?? []).count > 1 } }

    /// The revision with this id.
    public subscript(id: String) -> RevisionInfo { revisions[id]! }

    /// These revisions and every revision they descend from.
    public func ancestors(of ids: some Sequence<String>) -> Set<String> {
        var seen = Set<String>()
        var stack = Array(ids)
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, let r = revisions[id] else { continue }
            stack += r.parents
        }
        return seen
    }

    /// This revision and every revision that descends from it.
    public func descendants(of id: String) -> Set<String> {
        var seen = Set<String>()
        var stack = [id]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack += children[next] ?? []
        }
        return seen
    }

    /// The id a full id or unique prefix names.
    public func resolve(_ text: String) throws -> String {
        if revisions[text] != nil { return text }
        let matches = order.filter { $0.hasPrefix(text) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw RevisionError("unknown revision '\(text)'") }
        throw RevisionError("revision prefix '\(text)' is ambiguous: \(matches.prefix(5).joined(separator: ", "))")
    }

    /// The single head; throws when there is none or several.
    public func singleHead() throws -> String? {
        let h = heads
        if h.count > 1 {
            throw RevisionError(
                "there are \(h.count) heads (\(h.joined(separator: ", "))); run 'merge heads -m MESSAGE' to join them, or target 'heads'")
        }
        return h.first
    }
}

extension RevisionGraph {
    /// The revisions of a range `START:END` in applying order: either side may be left out or be
    /// `base`/`head`; START is exclusive (the revisions after it), END inclusive.
    public func revisions(inRange range: String) throws -> [String] {
        let parts = range.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { throw RevisionError("a range is START:END, e.g. base:head or r2026:") }
        var ids = order
        if !parts[0].isEmpty, parts[0] != "base" {
            let start = try resolve(parts[0])
            ids = ids.filter { descendants(of: start).contains($0) }
        }
        if !parts[1].isEmpty, parts[1] != "head", parts[1] != "heads" {
            let end = try resolve(parts[1])
            ids = ids.filter { ancestors(of: [end]).contains($0) }
        }
        return ids
    }
}
