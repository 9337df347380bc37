/// The kinds of object a schema holds besides tables' own parts, as the dependency graph and the
/// exclusion filters name them (`view:report_*`).
public enum ObjectKind: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// A table.
    case table
    /// A view.
    case view
    /// A domain (PostgreSQL).
    case domain
    /// A composite type (PostgreSQL).
    case compositeType = "type"
    /// A function (PostgreSQL), known by name and input types.
    case function
    /// A procedure (PostgreSQL), known by name and input types.
    case procedure
    /// An aggregate (PostgreSQL), known by name and input types.
    case aggregate
    /// A trigger, known as `table.trigger`; part of its table's revision.
    case trigger
    /// A materialized view (PostgreSQL).
    case materializedView = "matview"
    /// A partition of a partitioned table (PostgreSQL), known by its own name; part of its table's revision.
    case partition
    /// A row-level security policy (PostgreSQL), known as `table.policy`; part of its table's revision.
    case policy
    /// An extension (PostgreSQL), database-wide.
    case `extension`
    /// An exclusion constraint (PostgreSQL), known as `table.constraint`; part of its table's revision.
    case exclusion = "exclusion"

    /// True for kinds tables always use when anything does (a column's type): created before the
    /// tables change, dropped after. Functions are placed so when the graph shows a table using one.
    public var usedByTables: Bool {
        switch self {
        case .domain, .compositeType, .extension: return true
        case .table, .view, .function, .procedure, .aggregate, .trigger, .materializedView, .partition, .policy, .exclusion: return false
        }
    }

    /// True for kinds that are part of a table and go in its revision (triggers, partitions, policies).
    public var belongsToTable: Bool {
        switch self {
        case .trigger, .partition, .policy, .exclusion: return true
        case .table, .view, .domain, .compositeType, .function, .procedure, .aggregate, .materializedView, .extension: return false
        }
    }

    /// True when what is replaced in place can be put back in place too (`ALTER DOMAIN`); a view
    /// replaced in place may have gained columns, which only recreating it takes away.
    public var replacesInPlaceBothWays: Bool {
        switch self {
        case .domain, .compositeType, .function, .procedure, .aggregate, .trigger, .materializedView, .partition, .policy, .extension, .exclusion: return true
        case .table, .view: return false
        }
    }

    /// True for kinds whose body PostgreSQL does not read for what it uses (a function's): the
    /// graph cannot see the tables such a body names, so they are created after the tables change.
    public var bodyHidesDependencies: Bool {
        switch self {
        case .function, .procedure: return true
        case .table, .view, .domain, .compositeType, .aggregate, .trigger, .materializedView, .partition, .policy, .extension, .exclusion: return false
        }
    }

    public static func < (a: ObjectKind, b: ObjectKind) -> Bool { a.rawValue < b.rawValue }

    /// The kind in messages: "view".
    public var displayName: String {
        switch self {
        case .compositeType: return "composite type"
        case .materializedView: return "materialized view"
        case .exclusion: return "exclusion constraint"
        case .table, .view, .domain, .function, .procedure, .aggregate, .trigger, .partition, .policy, .extension: return rawValue
        }
    }
}

/// One object of the schema by kind and name, as the dependency graph names it.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// What kind of object.
    public var kind: ObjectKind
    /// Its name.
    public var name: String

    /// An object of a kind, by name.
    public init(_ kind: ObjectKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    public static func < (a: ObjectID, b: ObjectID) -> Bool { (a.kind, a.name) < (b.kind, b.name) }

    /// "view name".
    public var description: String { "\(kind.displayName) \(name)" }
}

/// An object that lives beside the tables and is created, dropped and replaced as a whole: the
/// payload of `createObject`, `dropObject`, `replaceObject` and `recreateObject`. Each kind is a
/// case with a typed value; what differs per kind is decided by exhaustive switches.
public enum SchemaObject: Hashable, Sendable, Codable {
    /// A view.
    case view(View)
    /// A domain (PostgreSQL).
    case domain(Domain)
    /// A composite type (PostgreSQL).
    case compositeType(CompositeType)
    /// A function or procedure (PostgreSQL).
    case function(Function)
    /// An aggregate (PostgreSQL).
    case aggregate(Aggregate)
    /// A trigger of a table.
    case trigger(table: String, Trigger)
    /// A materialized view (PostgreSQL).
    case materializedView(MaterializedView)
    /// A partition (with the partitions it holds in turn) of `table`, directly under `parent` (the
    /// table, or a partition of it).
    case partition(table: String, parent: String, Partition)
    /// A row-level security policy of a table (PostgreSQL).
    case policy(table: String, Policy)
    /// An extension (PostgreSQL).
    case `extension`(Extension)
    /// An exclusion constraint of a table (PostgreSQL).
    case exclusion(table: String, ExclusionConstraint)

    /// The object's kind and name.
    public var id: ObjectID {
        switch self {
        case .view(let v): return ObjectID(.view, v.name)
        case .domain(let d): return ObjectID(.domain, d.name)
        case .compositeType(let t): return ObjectID(.compositeType, t.name)
        case .function(let f): return ObjectID(f.kind == .procedure ? .procedure : .function, f.signature)
        case .aggregate(let a): return ObjectID(.aggregate, a.signature)
        case .trigger(let table, let t): return ObjectID(.trigger, "\(table).\(t.name)")
        case .materializedView(let m): return ObjectID(.materializedView, m.name)
        case .partition(_, _, let p): return ObjectID(.partition, p.name)
        case .policy(let table, let p): return ObjectID(.policy, "\(table).\(p.name)")
        case .extension(let e): return ObjectID(.extension, e.name)
        case .exclusion(let table, let x): return ObjectID(.exclusion, "\(table).\(x.name)")
        }
    }

    /// The object's name.
    public var name: String { id.name }

    /// The table it is part of (and whose revision it goes in), for a trigger, partition, policy or
    /// exclusion constraint; nil for an object that stands on its own.
    public var table: String? {
        switch self {
        case .trigger(let t, _), .partition(let t, _, _), .policy(let t, _), .exclusion(let t, _): return t
        case .view, .domain, .compositeType, .function, .aggregate, .materializedView, .extension: return nil
        }
    }

    /// True when the dialect has such an object: SQLite has views and triggers (those with a body
    /// of their own), PostgreSQL everything.
    public func exists(on dialect: DialectName) -> Bool {
        switch self {
        case .view(let v): return v.query(for: dialect) != nil
        case .trigger(_, let t): return t.exists(on: dialect)
        case .domain, .compositeType, .function, .aggregate, .materializedView, .partition, .policy, .extension, .exclusion:
            return dialect == .postgres
        }
    }

    /// The object's comment.
    public var comment: String? {
        switch self {
        case .view(let v): return v.comment
        case .domain(let d): return d.comment
        case .compositeType(let t): return t.comment
        case .function(let f): return f.comment
        case .aggregate(let a): return a.comment
        case .trigger(_, let t): return t.comment
        case .materializedView(let m): return m.comment
        case .partition(_, _, let p): return p.comment
        case .policy(_, let p): return p.comment
        case .extension: return nil
        case .exclusion(_, let x): return x.comment
        }
    }
}

extension Schema {
    /// Every object beside the tables, as `SchemaObject` values, in declaration order.
    public var objects: [SchemaObject] {
        extensions.map(SchemaObject.extension) + compositeTypes.map(SchemaObject.compositeType) + domains.map(SchemaObject.domain) + functions.map(SchemaObject.function)
            + aggregates.map(SchemaObject.aggregate) + views.map(SchemaObject.view) + materializedViews.map(SchemaObject.materializedView)
            + tables.flatMap { t in t.triggers.map { SchemaObject.trigger(table: t.name, $0) } }
            + tables.flatMap { t in t.allPartitions.map { SchemaObject.partition(table: t.name, parent: $0.parent, $0.partition) } }
            + tables.flatMap { t in t.policies.map { SchemaObject.policy(table: t.name, $0) } }
            + tables.flatMap { t in t.exclusionConstraints.map { SchemaObject.exclusion(table: t.name, $0) } }
    }

    /// The object with this kind and name, if the schema has it.
    public func object(_ id: ObjectID) -> SchemaObject? {
        switch id.kind {
        case .table: return nil
        case .extension: return extensions.first { $0.name == id.name }.map(SchemaObject.extension)
        case .view: return views.first { $0.name == id.name }.map(SchemaObject.view)
        case .domain: return domains.first { $0.name == id.name }.map(SchemaObject.domain)
        case .compositeType: return compositeTypes.first { $0.name == id.name }.map(SchemaObject.compositeType)
        case .function, .procedure: return functions.first { SchemaObject.function($0).id == id }.map(SchemaObject.function)
        case .aggregate: return aggregates.first { $0.signature == id.name }.map(SchemaObject.aggregate)
        case .materializedView: return materializedViews.first { $0.name == id.name }.map(SchemaObject.materializedView)
        case .trigger:
            for t in tables {
                if let trigger = t.triggers.first(where: { "\(t.name).\($0.name)" == id.name }) { return .trigger(table: t.name, trigger) }
            }
            return nil
        case .partition:
            for t in tables {
                if let (parent, p) = t.allPartitions.first(where: { $0.partition.name == id.name }) { return .partition(table: t.name, parent: parent, p) }
            }
            return nil
        case .policy:
            for t in tables {
                if let p = t.policies.first(where: { "\(t.name).\($0.name)" == id.name }) { return .policy(table: t.name, p) }
            }
            return nil
        case .exclusion:
            for t in tables {
                if let x = t.exclusionConstraints.first(where: { "\(t.name).\($0.name)" == id.name }) { return .exclusion(table: t.name, x) }
            }
            return nil
        }
    }

    /// Adds an object (replacing one of the same kind and name).
    public mutating func add(_ object: SchemaObject) {
        remove(object.id)
        switch object {
        case .view(let v): views.append(v)
        case .domain(let d): domains.append(d)
        case .compositeType(let t): compositeTypes.append(t)
        case .function(let f): functions.append(f)
        case .aggregate(let a): aggregates.append(a)
        case .trigger(let table, let trigger):
            if let i = tableIndex(table) { tables[i].triggers.append(trigger) }
        case .materializedView(let m): materializedViews.append(m)
        case .partition(let table, let parent, let p):
            if let i = tableIndex(table) { _ = tables[i].partitioning?.insert(p, under: parent, table: table) }
        case .policy(let table, let p):
            if let i = tableIndex(table) { tables[i].policies.append(p) }
        case .extension(let e): extensions.append(e)
        case .exclusion(let table, let x):
            if let i = tableIndex(table) { tables[i].exclusionConstraints.append(x) }
        }
    }

    /// Removes the object with this kind and name, if any.
    public mutating func remove(_ id: ObjectID) {
        switch id.kind {
        case .table: break
        case .extension: extensions.removeAll { $0.name == id.name }
        case .view: views.removeAll { $0.name == id.name }
        case .domain: domains.removeAll { $0.name == id.name }
        case .compositeType: compositeTypes.removeAll { $0.name == id.name }
        case .function, .procedure: functions.removeAll { SchemaObject.function($0).id == id }
        case .aggregate: aggregates.removeAll { $0.signature == id.name }
        case .materializedView: materializedViews.removeAll { $0.name == id.name }
        case .trigger:
            for i in tables.indices {
                let table = tables[i].name
                tables[i].triggers.removeAll { "\(table).\($0.name)" == id.name }
            }
        case .partition:
            for i in tables.indices { tables[i].partitioning?.remove(named: id.name) }
        case .policy:
            for i in tables.indices {
                let table = tables[i].name
                tables[i].policies.removeAll { "\(table).\($0.name)" == id.name }
            }
        case .exclusion:
            for i in tables.indices {
                let table = tables[i].name
                tables[i].exclusionConstraints.removeAll { "\(table).\($0.name)" == id.name }
            }
        }
    }
}

extension Schema {
    /// The edges the models declare outright rather than through SQL text: a trigger is its
    /// table's and uses the function it names (a trigger function takes no arguments of its own); a
    /// partition is its parent's.
    public var declaredDependencies: [ObjectDependency] {
        tables.flatMap { t in
            t.triggers.flatMap { trigger -> [ObjectDependency] in
                let id = ObjectID(.trigger, "\(t.name).\(trigger.name)")
                var edges = [ObjectDependency(id, on: ObjectID(.table, t.name))]
                if let f = trigger.function { edges.append(ObjectDependency(id, on: ObjectID(.function, "\(f)()"))) }
                return edges
            } + t.policies.map { ObjectDependency(ObjectID(.policy, "\(t.name).\($0.name)"), on: ObjectID(.table, t.name)) }
            + t.exclusionConstraints.map { ObjectDependency(ObjectID(.exclusion, "\(t.name).\($0.name)"), on: ObjectID(.table, t.name)) }
            + t.allPartitions.map { parent, p in
                ObjectDependency(ObjectID(.partition, p.name), on: ObjectID(parent == t.name ? .table : .partition, parent))
            }
        }
    }
}

extension Schema {
    /// With no catalog to read (an offline `--sql` script replays the revisions instead), the edges
    /// the objects' own SQL names: a view or materialized view uses each table and view its query
    /// names, and each column of those tables it names; a trigger and a policy use the columns of
    /// their table that their conditions name. A name that only looks like a use adds an edge too,
    /// which costs a view dropped and created again, never a change refused where the live run
    /// would make it. On SQLite, as its introspector reads them: only the views' edges (a rebuilt
    /// table brings its own triggers back).
    public func namedDependencies(_ dialect: DialectName) -> [ObjectDependency] {
        var out: [ObjectDependency] = []
        func mentioned(_ texts: [String]) -> Set<String> {
            var names = Set<String>()
            for text in texts {
                for token in SQLTokenizer.tokenize(text) where token.kind == .word || token.kind == .quotedIdentifier {
                    names.insert(token.kind == .word ? token.value.lowercased() : token.value)
                }
            }
            return names
        }
        func uses(_ names: Set<String>, _ name: String) -> Bool { names.contains(name) || names.contains(name.lowercased()) && name == name.lowercased() }
        func edges(_ id: ObjectID, _ texts: [String], only table: String? = nil) {
            let names = mentioned(texts)
            for t in tables where table == nil ? uses(names, t.name) : t.name == table {
                out.append(ObjectDependency(id, on: ObjectID(.table, t.name)))
                for c in t.columns where uses(names, c.name) { out.append(ObjectDependency(id, on: ObjectID(.table, t.name), column: c.name)) }
            }
            guard table == nil else { return }
            for v in views where ObjectID(.view, v.name) != id && uses(names, v.name) { out.append(ObjectDependency(id, on: ObjectID(.view, v.name))) }
            for m in materializedViews where ObjectID(.materializedView, m.name) != id && uses(names, m.name) {
                out.append(ObjectDependency(id, on: ObjectID(.materializedView, m.name)))
            }
        }
        for v in views { edges(ObjectID(.view, v.name), [v.query(for: .postgres), v.query(for: .sqlite)].compactMap { $0 }) }
        for m in materializedViews { edges(ObjectID(.materializedView, m.name), [m.query]) }
        guard dialect == .postgres else { return out }
        for t in tables {
            for r in t.triggers { edges(ObjectID(.trigger, "\(t.name).\(r.name)"), [r.when ?? ""] + r.updateOf.map(SQLText.quote), only: t.name) }
            for p in t.policies { edges(ObjectID(.policy, "\(t.name).\(p.name)"), [p.using ?? "", p.withCheck ?? ""], only: t.name) }
        }
        return out
    }
}

