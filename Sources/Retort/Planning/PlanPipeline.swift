/// The one place a difference becomes planned steps: differ → planner → safety → grouping.
/// Every command that turns a difference into revisions, scripts or SQL goes through it.
public struct PlanPipeline: Sendable {
    /// The dialect whose normalization decides what is equal.
    public let dialect: any Dialect

    /// A pipeline for a dialect.
    public init(dialect: any Dialect) {
        self.dialect = dialect
    }

    /// The plan that turns `database` into `target`, one group per table in dependency order.
    /// `safe` rewrites it into expand / backfill / contract steps (`SafePlan`); `single` puts every
    /// step in one group, except enum values added before what uses them (ignored with `safe`,
    /// whose steps need groups of their own). `canonical` holds the target's expressions as the
    /// database spells them.
    public func plan(
        from database: Schema, to target: Schema, canonical: CanonicalForms = CanonicalForms(), safe: Bool = false,
        single: Bool = false
    ) throws -> Plan {
        let difference = try Differ(dialect: dialect).difference(from: database, to: target, canonical: canonical)
        // The target's dependency graph: its own catalog's when it was read from a database, the
        // scratch schema's when the models were created there to be spelled by the server.
        var planned = target.withoutHints()
        planned.catalog.dependencies += canonical.dependencies + planned.declaredDependencies
        var plan = Planner().plan(difference.operations, current: difference.current, target: planned)
        if safe {
            let backfills = Dictionary(target.tables.map { ($0.name, $0.hints?.backfills ?? [:]) }) { a, _ in a }
            plan = SafePlan.rewrite(plan, current: database, backfills: backfills)
        } else if single {
            plan = plan.inOneGroup
        }
        return plan
    }

    /// The operations that turn `database` into `target`, in dependency order.
    public func operations(from database: Schema, to target: Schema) throws -> [MigrationOperation] {
        try plan(from: database, to: target).operations
    }
}

extension Plan {
    /// Every operation in one group; even so, added enum values commit before anything can use
    /// them, in a group of their own.
    var inOneGroup: Plan {
        guard groups.count > 1 else { return self }
        let (first, rest) = (groups[0], groups.dropFirst())
        let early = first.operations.contains { if case .addEnumValue = $0 { true } else { false } } && !rest.isEmpty
        return Plan(groups: early
            ? [first, PlannedGroup(table: nil, operations: rest.flatMap(\.operations))]
            : [PlannedGroup(table: nil, operations: operations)])
    }
}
