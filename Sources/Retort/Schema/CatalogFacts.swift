/// An edge of the dependency graph: `dependent` uses `referenced` (a column of it, when `column`
/// is set). Read from the catalog (`pg_depend` / `pg_rewrite` on PostgreSQL; on SQLite, the names
/// a view's stored SQL holds), never guessed from the models' text.
public struct ObjectDependency: Hashable, Sendable {
    /// The object that uses the other.
    public var dependent: ObjectID
    /// The object used.
    public var referenced: ObjectID
    /// The column of `referenced` used, if the catalog names one.
    public var column: String?

    /// `dependent` uses `referenced` (its `column`).
    public init(_ dependent: ObjectID, on referenced: ObjectID, column: String? = nil) {
        self.dependent = dependent
        self.referenced = referenced
        self.column = column
    }
}

/// What a privilege-holding object had in the catalog that Retort does not manage but must keep
/// when it drops and creates the object again (a view recreated under a column type change): its
/// grants, owner and comment.
public struct CatalogObject: Hashable, Sendable {
    /// The object as the catalog defines it (managed or excluded).
    public var object: SchemaObject
    /// The access privileges as PostgreSQL prints them (`role=arwdDxt/grantor`).
    public var privileges: [String]
    /// The owning role.
    public var owner: String?
    /// The columns the object returns, in order, as `name type` (a view's output), which decide
    /// whether PostgreSQL can replace it in place.
    public var outputColumns: [String]

    /// An object with what the catalog says about it.
    public init(_ object: SchemaObject, privileges: [String] = [], owner: String? = nil, outputColumns: [String] = []) {
        self.object = object
        self.privileges = privileges
        self.owner = owner
        self.outputColumns = outputColumns
    }
}

/// Facts the catalog holds beside the schema's objects: the dependency graph and the definitions
/// (with grants and owner) of every object read, managed or excluded. Read by introspection,
/// kept up to date as operations are applied, never compared or encoded.
public struct CatalogFacts: Hashable, Sendable {
    /// Every dependency edge the catalog shows between the objects read.
    public var dependencies: [ObjectDependency] = []
    /// Every object read, by id, with its grants and owner (excluded ones too).
    public var objects: [ObjectID: CatalogObject] = [:]
    /// The role that read the catalog (and creates what is created again), if known.
    public var reader: String?
    /// The dialect of the database the schema stands for, when known (introspected or rendered
    /// for one): an object that dialect has no such thing as is never in the schema, so
    /// operations on it change nothing there (a policy's drop on SQLite).
    public var dialect: DialectName?
    /// The schema that was read (PostgreSQL), if known: an extension in another schema is the
    /// database's, shared with other schemas, and never dropped as drift of this one.
    public var schemaName: String?
    /// Objects dropped by the operations applied since the catalog was read: one created again
    /// under the same name gets back the grants and owner it had.
    public var dropped: [ObjectID: CatalogObject] = [:]

    /// No facts.
    public init(dependencies: [ObjectDependency] = [], objects: [ObjectID: CatalogObject] = [:]) {
        self.dependencies = dependencies
        self.objects = objects
    }

    /// The objects that use `id` (its `column`, when given, or any of its columns otherwise),
    /// directly or through others, each after the ones it uses: the order to create them again
    /// (drop them in the reverse).
    public func dependents(of id: ObjectID, column: String? = nil) -> [ObjectID] {
        var direct: [ObjectID: [ObjectID]] = [:]
        for d in dependencies { direct[d.referenced, default: []].append(d.dependent) }
        var first = dependencies.filter { $0.referenced == id && (column == nil || $0.column == column) }.map(\.dependent)
        first = Array(Set(first)).sorted()
        // Depth-first, post-order from each: an object's dependents come out before it, reversed at the end.
        var seen = Set<ObjectID>(), order: [ObjectID] = []
        func visit(_ node: ObjectID) {
            guard node != id, seen.insert(node).inserted else { return }
            for next in Array(Set(direct[node] ?? [])).sorted() { visit(next) }
            order.append(node)
        }
        for node in first { visit(node) }
        return order.reversed()
    }

    /// The columns (`table.column`) the graph shows using an object (typed by a domain or composite type).
    public func columns(using id: ObjectID) -> [String] {
        dependencies.filter { $0.referenced == id && $0.dependent.kind == .table }
            .compactMap { d in d.column.map { "\(d.dependent.name).\($0)" } }.sorted()
    }

    /// Forgets an object and every edge from or to it.
    public mutating func remove(_ id: ObjectID) {
        if let facts = objects[id] { dropped[id] = facts }
        objects[id] = nil
        dependencies.removeAll { $0.dependent == id || $0.referenced == id }
    }
}

extension CatalogFacts {
    /// Keeps the graph in step with a table operation: renames follow, dropped tables and columns
    /// take their edges along.
    mutating func follow(_ operation: MigrationOperation) {
        switch operation {
        case .renameTable(let from, let to):
            let (old, new) = (ObjectID(.table, from), ObjectID(.table, to))
            // A table's triggers, policies and exclusion constraints are named after it.
            func moved(_ id: ObjectID) -> ObjectID {
                if id == old { return new }
                guard [.trigger, .policy, .exclusion].contains(id.kind), id.name.hasPrefix(from + ".") else { return id }
                return ObjectID(id.kind, to + id.name.dropFirst(from.count))
            }
            for i in dependencies.indices {
                dependencies[i].referenced = moved(dependencies[i].referenced)
                dependencies[i].dependent = moved(dependencies[i].dependent)
            }
            for (id, facts) in objects where moved(id) != id {
                var facts = facts
                switch facts.object {
                case .trigger(let t, let x) where t == from: facts.object = .trigger(table: to, x)
                case .policy(let t, let x) where t == from: facts.object = .policy(table: to, x)
                case .exclusion(let t, let x) where t == from: facts.object = .exclusion(table: to, x)
                default: break
                }
                objects[id] = nil
                objects[moved(id)] = facts
            }
        case .renameColumn(let table, let from, let to):
            for i in dependencies.indices where dependencies[i].referenced == ObjectID(.table, table) && dependencies[i].column == from {
                dependencies[i].column = to
            }
            // The table's own triggers and policies name the column in their conditions.
            for (id, var facts) in objects {
                switch facts.object {
                case .trigger(let t, let x) where t == table: facts.object = .trigger(table: t, x.renamingColumn(from, to: to))
                case .policy(let t, let x) where t == table: facts.object = .policy(table: t, x.renamingColumn(from, to: to))
                default: continue
                }
                objects[id] = facts
            }
        case .dropTable(let t): remove(ObjectID(.table, t.name))
        case .dropColumn(let table, let c):
            dependencies.removeAll { $0.referenced == ObjectID(.table, table) && $0.column == c.name }
        case .createTable, .addColumn, .alterColumn, .createIndex, .dropIndex, .createIndexConcurrently,
            .dropIndexConcurrently, .addConstraint, .dropConstraint, .setTableComment, .setRowLevelSecurity, .setSQLiteTableOptions, .renameIndex,
            .renameConstraint, .renameEnumType, .renameEnumValue, .createEnumType, .dropEnumType, .addEnumValue,
            .replaceEnumType, .createSequence, .dropSequence, .alterSequence, .createObject, .dropObject, .replaceObject,
            .recreateObject, .setIndexComment, .validateConstraint, .backfill, .batchedUpdate, .expect, .execute, .code:
            break
        }
    }
}
