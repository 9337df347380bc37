import Foundation

/// Compares the models with a database and writes the difference as new revisions.
public struct Autogenerator: Sendable {
    /// The models, validated, with every constraint named and excluded tables left out (hints kept).
    public let models: Schema
    /// The revision history the new revisions follow.
    public let graph: RevisionGraph
    /// Tables Retort does not own.
    public let exclusions: TableFilter

    /// Validates the models (throws `ModelError`) and names their constraints.
    public init(models: Schema, graph: RevisionGraph, excluding exclusions: TableFilter = TableFilter()) throws {
        try models.validate(excluding: exclusions)
        self.models = exclusions.apply(models).named().withTypedDefaults()
        self.graph = graph
        self.exclusions = exclusions
    }

    /// The database's schema, excluded tables left out.
    public func databaseSchema(_ db: any DatabaseConnection) throws -> Schema {
        exclusions.apply(try db.dialect.implementation.introspect(db))
    }

    /// The operations that turn the database's schema into the models'; `notice` hears when
    /// expressions could only be compared as text.
    public func differences(_ db: any DatabaseConnection, notice: (String) -> Void = { _ in }) throws -> [MigrationOperation] {
        try differences(from: try databaseSchema(db), on: db, notice: notice)
    }

    /// The operations that turn `schema` (the database's, or the one the history produces) into the
    /// models', the models' expressions spelled by the server `db` is connected to.
    public func differences(from schema: Schema, on db: any DatabaseConnection, notice: (String) -> Void = { _ in }) throws
        -> [MigrationOperation]
    {
        try plan(from: schema, on: db, notice: notice).operations
    }

    func plan(from schema: Schema, on db: any DatabaseConnection, safe: Bool = false, single: Bool = false, notice: (String) -> Void)
        throws -> Plan
    {
        let dialect = db.dialect.implementation
        let canonical = try dialect.canonicalForms(of: models, comparedWith: schema, on: db)
        canonical.notice.map(notice)
        return try PlanPipeline(dialect: dialect).plan(from: schema, to: models, canonical: canonical, safe: safe, single: single)
    }

    /// The revisions for the database's difference from the models: one per table, chained in
    /// dependency order (or one in all with `single`); empty when there is no difference.
    /// `suggest` receives a line for each drop-and-add that looks like an unhinted rename.
    public func revisions(
        message: String, db: any DatabaseConnection, single: Bool = false, safe: Bool = false, date: Date = Date(),
        idToken: String? = nil, suggest: (String) -> Void = { _ in }
    ) throws -> [RevisionInfo] {
        try revisionsAndSchema(message: message, db: db, single: single, safe: safe, date: date, idToken: idToken, suggest: suggest)
            .revisions
    }

    /// The revisions, and the database's schema they were computed against (for `lint`).
    /// With `safe`, the plan is rewritten by `SafePlan` (and `single` is ignored: its steps need
    /// revisions of their own). Without `history` the database's schema is kept by something else
    /// (Fluent's migrator): it need not be at Retort's head, and the first revision has no parents.
    /// `read` is the database's schema when the caller has read it already (`databaseSchema`).
    public func revisionsAndSchema(
        message: String, db: any DatabaseConnection, single: Bool = false, safe: Bool = false, history: Bool = true,
        date: Date = Date(), idToken: String? = nil, read: Schema? = nil, suggest: (String) -> Void = { _ in }
    ) throws -> (revisions: [RevisionInfo], database: Schema) {
        if history { try Migrator.requireAtHead(db, graph: graph) }
        let database = try read ?? databaseSchema(db)
        let plan = try plan(from: database, on: db, safe: safe, single: single, notice: suggest)
        Differ(dialect: db.dialect.implementation).renameSuggestions(plan.operations).forEach(suggest)
        guard !plan.groups.isEmpty else { return ([], database) }
        let groups = plan.groups
        let single = single && !safe
        let ids = idToken.map { token in (1...groups.count).map { RevisionID.make(date: date, token: token, sequence: $0) } }
            ?? RevisionID.fresh(date: date, count: groups.count, avoiding: Set(graph.revisions.keys))
        let revisions = try Self.chain(groups, message: message, parents: history ? graph.heads : [], single: groups.count == 1 || single) { i in
            (ids[i], RevisionID.timestamp(date))
        }
        return (try Self.removingAddedEnumValues(revisions, from: database), database)
    }

    /// The first revision of a project adopting Retort on an existing database: it creates the
    /// whole schema the models describe (types and sequences, then tables in foreign-key order,
    /// then keys that close a cycle), so a fresh database built from it equals the existing one,
    /// which is `stamp`ed at it instead. Refused once the history has revisions.
    public func baseline(message: String, date: Date = Date()) throws -> RevisionInfo {
        guard graph.revisions.isEmpty else {
            throw RevisionError(
                "the history already has \(graph.revisions.count) revision(s); a baseline can only be the first revision")
        }
        // Planned as for the dialect with every kind of object; the others render what they have.
        let plan = try PlanPipeline(dialect: DialectName.holdingEveryKind.implementation).plan(from: Schema(), to: models)
        guard !plan.groups.isEmpty else { throw RevisionError("the models declare no tables: nothing to baseline") }
        let id = RevisionID.fresh(date: date, avoiding: [])[0]
        return RevisionInfo(
            id: id, parents: [], message: message, createdAt: RevisionID.timestamp(date), upgrade: plan.operations)
    }

    /// Revisions that add enum values get a downgrade that removes them again, by rebuilding the
    /// type with the values it had (the operation alone does not know them, so cannot derive it).
    static func removingAddedEnumValues(_ revisions: [RevisionInfo], from database: Schema) throws -> [RevisionInfo] {
        func adds(_ r: RevisionInfo) -> Bool { r.upgrade.contains { if case .addEnumValue = $0 { true } else { false } } }
        guard revisions.contains(where: adds) else { return revisions }
        var schema = database
        return try revisions.map { revision in
            let before = schema.allEnumTypes
            for op in revision.upgrade { try schema.apply(op) }
            let after = schema.allEnumTypes
            guard adds(revision) else { return revision }
            var revision = revision, rebuilt: Set<String> = []
            revision.downgrade = revision.upgrade.reversed().flatMap { op -> [MigrationOperation] in
                guard case .addEnumValue(let type, _, _, _) = op else { return [op].derivedDowngrade }
                guard rebuilt.insert(type).inserted, let a = after[type], let b = before[type] else { return [] }
                return [.replaceEnumType(from: EnumType(type, a), to: EnumType(type, b))]
            }
            return revision
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
                    createdAt: createdAt, upgrade: group.operations, transactional: group.transactional))
            previous = [id]
        }
        return result
    }
}
