import Foundation

/// Spells the models' expressions (checks, index keys and predicates, defaults) the way the
/// server stores them, so that they compare with the database by meaning (`BETWEEN` is stored as
/// `>= AND <=`, `IN (…)` as `= ANY (ARRAY[…])`, casts are added).
///
/// Only tables with an expression the database does not already spell the same way are sent. In a
/// transaction that is rolled back, they are created in a scratch schema (with the enum types and
/// sequences they use) and read back with the introspector's own queries: a fixed number of round
/// trips, whatever the number of tables.
struct PostgresCanonicalizer {
    let db: any DatabaseConnection

    func canonicalTables(of models: Schema, comparedWith current: Schema) throws -> CanonicalForms {
        let currentByName = Dictionary(current.tables.map { ($0.name, $0) }) { a, _ in a }
        let matviews = Self.materializedViewsNeedingServer(models, current: current)
        let matviewNames = Self.namesIn(queries: matviews.map(\.query))
        let viewsRead = models.views.filter { v in v.query(for: .postgres) != nil && (matviewNames.contains(v.name) || matviewNames.contains(v.name.lowercased())) }
        var views = Self.viewsNeedingServer(models, current: current)
        views += viewsRead.filter { v in !views.contains { $0.name == v.name } }
        views = Self.withViewsTheyName(views, in: models)
        // The tables the views may read get every column (a view can select them all); a name
        // the query does not hold cannot be read by it, so this only keeps the scratch small.
        let routines = Self.routinesNeedingServer(models, current: current)
        let read = Self.namesIn(views).union(Self.typeNamesIn(routines)).union(matviewNames)
        // A trigger's condition names the table's columns by OLD and NEW: its table is sent whole.
        let triggered = Dictionary(models.tables.compactMap { t -> (String, [Trigger])? in
            let sent = Self.triggersNeedingServer(t, current: currentByName[t.name])
            return sent.isEmpty ? nil : (t.name, sent)
        }) { a, _ in a }
        // An exclusion constraint's keys and predicate name the table's columns: its table is sent whole.
        let excluding = Dictionary(models.tables.compactMap { t -> (String, [ExclusionConstraint])? in
            let have = Dictionary((currentByName[t.name]?.exclusionConstraints ?? []).map { ($0.name, Self.bare($0)) }) { a, _ in a }
            let sent = t.exclusionConstraints.filter { have[$0.name] != Self.bare($0) }
            return sent.isEmpty ? nil : (t.name, sent)
        }) { a, _ in a }
        // A policy's expressions name the table's columns: its table is sent whole.
        let policed = Dictionary(models.tables.compactMap { t -> (String, [Policy])? in
            let sent = Self.policiesNeedingServer(t, current: currentByName[t.name])
            return sent.isEmpty ? nil : (t.name, sent)
        }) { a, _ in a }
        // A partitioned table's bounds are typed by its key columns: sent whole, with its partitions.
        let partitioned = Set(models.tables.filter { Self.partitioningNeedsServer($0, current: currentByName[$0.name]) }.map(\.name))
        // A table that is only read (by a view, or as a function's row type) need not be copied when
        // the database's table shows the same columns: the view reads that one through the search
        // path and is spelled the same. With no drift, views are sent without their tables.
        let userTypes = Self.userTypes(models, current)
        let whole = Set(models.tables.filter { t in
            if triggered[t.name] != nil || partitioned.contains(t.name) || policed[t.name] != nil || excluding[t.name] != nil { return true }
            guard read.contains(t.name) || read.contains(t.name.lowercased()) else { return false }
            guard let have = currentByName[t.name], Self.needsServer(t, current: have) == false else { return true }
            guard let seen = Self.columnsSeen(t, userTypes: userTypes) else { return true }
            return seen != Self.columnsSeen(have, userTypes: userTypes)
        }.map(\.name))
        let tables = models.tables.filter { whole.contains($0.name) || Self.needsServer($0, current: currentByName[$0.name]) }
        let domains = Self.domainsNeedServer(models, current: current)
        guard !tables.isEmpty || !views.isEmpty || domains || !routines.isEmpty || !matviews.isEmpty else { return CanonicalForms() }
        let schema = "retort_canon_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        do {
            try db.executeScript(
                """
                BEGIN;
                CREATE SCHEMA \(SQLText.quote(schema));
                SELECT set_config('search_path', \(SQLText.literal(SQLText.quote(schema))) || ', ' || current_setting('search_path'), true)
                """)
        } catch {
            try? db.executeScript("ROLLBACK")
            return CanonicalForms(
                notice: "expressions compared as text: cannot create a scratch schema on this connection (\(Self.firstLine(error)))")
        }
        defer { try? db.executeScript("ROLLBACK") }
        var script: [String] = []
        // Extensions the models use and the database lacks: their types and operator classes first.
        let installed = Set(current.extensions.map(\.name))
        for e in models.extensions where !installed.contains(e.name) {
            script.append("CREATE EXTENSION IF NOT EXISTS \(SQLText.quote(e.name))" + (e.version.map { " VERSION \(SQLText.literal($0))" } ?? ""))
        }
        // Every enum type and domain of the models: a scratch table or domain may use any of them.
        let used = models.allEnumTypes
        for (name, values) in used.sorted(by: { $0.key < $1.key }) {
            script.append("CREATE TYPE \(SQLText.quote(name)) AS ENUM (\(values.map(SQLText.literal).joined(separator: ", ")))")
        }
        // Composite types and domains may use one another: created in whatever order succeeds.
        let types = models.compositeTypes.map { ($0.name, PostgresObjectSQL.create(.compositeType($0))[0]) }
            + models.domains.map { d in
                (d.name, PostgresObjectSQL.createDomain(Domain(d.name, d.type, default: d.defaultValue, notNull: d.notNull, checks: d.checks, collation: d.collation))[0])
            }
        if !types.isEmpty { script.append(Self.createInAnyOrder(types, scratch: schema)) }
        // Functions, before the tables whose defaults, checks and indexes call them; bodies are not
        // checked (they may name one another, and tables the scratch does not hold). One whose
        // arguments or result are a table's rows waits for the tables, below.
        let tableNames = Set(models.tables.flatMap { [$0.name, $0.name.lowercased()] })
        let early = routines.filter { Self.typeNamesIn([$0]).isDisjoint(with: tableNames) }
        if !routines.isEmpty { script.append("SET LOCAL check_function_bodies = off") }
        if !early.isEmpty {
            script.append(Self.createInAnyOrder(early.map { ($0.id.description, PostgresObjectSQL.create($0)[0]) }, scratch: schema, strict: false))
        }
        for s in models.sequences { script.append("CREATE SEQUENCE \(SQLText.quote(s.name)) " + PostgresRenderer.sequenceOptions(s)) }
        for t in tables {
            let columns = whole.contains(t.name) ? t.columns : Self.referencedColumns(t)
            var scratch = Table(
                name: t.name, columns: columns, primaryKey: whole.contains(t.name) ? t.primaryKey : nil,
                checks: t.checks.map { CheckConstraint($0.name, $0.expression) })
            if partitioned.contains(t.name) { scratch.partitioning = t.partitioning.map(Self.bare) }
            scratch.columns = scratch.columns.map { c in
                var c = c
                c.autoincrement = false
                c.autoincrementKind = nil
                c.nullable = true
                return c
            }
            script.append(PostgresRenderer.createTable(scratch))
            for i in t.indexes where !i.isColumnsOnly || i.predicate != nil {
                script += PostgresRenderer.createIndex(Index(keys: i.keys, name: i.name, where: i.predicate, using: i.method, options: i.keyOptions), on: t.name)
            }
            script += PostgresPartitionSQL.createPartitions(of: scratch)
        }
        do {
            if !script.isEmpty { try db.executeScript(script.joined(separator: ";\n")) }
        } catch {
            throw ModelError("an expression in the models is not valid on PostgreSQL: \(Self.firstLine(error))")
        }
        if !routines.isEmpty {
            do {
                try db.executeScript(
                    Self.createInAnyOrder(routines.map { ($0.id.description, PostgresObjectSQL.create($0, orReplace: $0)[0]) }, scratch: schema))
            } catch {
                throw ModelError("a function in the models is not valid on PostgreSQL: \(Self.firstLine(error))")
            }
        }
        // Then what hangs off the tables: triggers (their functions exist), exclusion constraints, and
        // policies (a role the server does not have fails here, before anything runs).
        try run(triggered.sorted { $0.key < $1.key }.flatMap { table, triggers in
            triggers.compactMap { t -> String? in
                var plain = t
                plain.comment = nil
                plain.firing = .enabled
                return PostgresTriggerSQL.create(table, plain).first
            }
        }, kind: "a trigger")
        try run(excluding.sorted { $0.key < $1.key }.flatMap { table, constraints in
            constraints.map { "ALTER TABLE \(SQLText.quote(table)) ADD CONSTRAINT \(SQLText.quote($0.name)) \($0.sql)" }
        }, kind: "an exclusion constraint")
        try run(policed.sorted { $0.key < $1.key }.flatMap { table, policies in
            policies.compactMap { p -> String? in
                var plain = p
                plain.comment = nil
                return PostgresPolicySQL.create(table, plain).first
            }
        }, kind: "a policy")
        if !views.isEmpty || !matviews.isEmpty {
            // Views and materialized views may read one another; the latter are created empty.
            let statements = views.map { ($0.name, PostgresObjectSQL.create(.view($0))[0]) }
                + matviews.map { m in
                    var empty = m
                    empty.withData = false
                    return (m.name, PostgresMaterializedViewSQL.create(empty)[0])
                }
            do {
                try db.executeScript(Self.createInAnyOrder(statements, scratch: schema))
                let indexes = matviews.flatMap { m in m.indexes.flatMap { PostgresRenderer.createIndex($0, on: m.name) } }
                if !indexes.isEmpty { try db.executeScript(indexes.joined(separator: ";\n")) }
            } catch {
                throw ModelError("a view in the models is not valid on PostgreSQL: \(Self.firstLine(error))")
            }
        }
        let scratch = try PostgresIntrospector(db: db).read()
        var forms = CanonicalForms(tables: Dictionary(scratch.tables.map { ($0.name, $0) }) { a, _ in a })
        for v in scratch.views {
            forms.views[v.name] = v
            forms.viewColumns[v.name] = scratch.catalog.objects[ObjectID(.view, v.name)]?.outputColumns ?? []
        }
        forms.dependencies = scratch.catalog.dependencies
        for d in scratch.domains { forms.domains[d.name] = d }
        for m in scratch.materializedViews {
            let model = matviews.first { $0.name == m.name }
            var read = m
            read.withData = model?.withData ?? m.withData  // created empty here
            forms.objects[ObjectID(.materializedView, m.name)] = .materializedView(read)
        }
        for o in scratch.functions.map(SchemaObject.function) + scratch.aggregates.map(SchemaObject.aggregate) { forms.objects[o.id] = o }
        for o in routines where forms.objects[o.id] == nil {
            let read = (scratch.functions.filter { $0.name == o.name }.map(\.signature) + scratch.aggregates.filter { $0.name == o.name }.map(\.signature))
            throw ModelError(
                "\(o.id): PostgreSQL knows it as \(read.joined(separator: " or ")); write its argument types as PostgreSQL prints them")
        }
        return forms
    }

    /// Runs the statements in the scratch schema, one round trip; a failure is the models' fault.
    private func run(_ statements: [String], kind: String) throws {
        guard !statements.isEmpty else { return }
        do {
            try db.executeScript(statements.joined(separator: ";\n"))
        } catch {
            throw ModelError("\(kind) in the models is not valid on PostgreSQL: \(Self.firstLine(error))")
        }
    }

    /// True when a domain of the models is new, or its default or a check is not spelled as the
    /// database spells it.
    static func domainsNeedServer(_ models: Schema, current: Schema) -> Bool {
        let have = Dictionary(current.domains.map { ($0.name, $0) }) { a, _ in a }
        return models.domains.contains { d in
            guard let old = have[d.name] else { return d.defaultValue != nil || !d.checks.isEmpty }
            return d.defaultValue.map(SQLText.normalizeExpression) != old.defaultValue.map(SQLText.normalizeExpression)
                || Set(d.checks.map { SQLText.normalizeExpression($0.expression) }) != Set(old.checks.map(\.expression))
        }
    }

    /// The models' views (with a PostgreSQL query) whose query the database does not already
    /// spell the same way.
    static func viewsNeedingServer(_ models: Schema, current: Schema) -> [View] {
        let have = Dictionary(current.views.compactMap { v in v.query.map { (v.name, SQLText.normalizeExpression(PostgresObjectSQL.body($0))) } }) { a, _ in a }
        return models.views.filter { v in
            guard let query = v.query(for: .postgres) else { return false }
            return have[v.name] != SQLText.normalizeExpression(PostgresObjectSQL.body(query)) || !v.columns.isEmpty
        }
    }

    /// The table's triggers (on PostgreSQL) with a `WHEN` condition the database's trigger of that
    /// name does not already spell the same way.
    static func triggersNeedingServer(_ t: Table, current: Table?) -> [Trigger] {
        let have = Dictionary((current?.triggers ?? []).map { ($0.name, $0.when.map(SQLText.normalizeExpression)) }) { a, _ in a }
        return t.triggers.filter { trigger in
            guard trigger.exists(on: .postgres), let when = trigger.when else { return false }
            return have[trigger.name] != .some(SQLText.normalizeExpression(when))
        }
    }

    /// The table's policies the database's table does not have as they are written (expressions,
    /// command, kind or roles): sent to the server, which spells the expressions and knows the roles.
    static func policiesNeedingServer(_ t: Table, current: Table?) -> [Policy] {
        let dialect = PostgresDialect()
        func plain(_ p: Policy) -> SchemaObject {
            var p = p
            p.comment = nil
            return dialect.normalized(.policy(table: t.name, p))
        }
        let have = Dictionary((current?.policies ?? []).map { ($0.name, plain($0)) }) { a, _ in a }
        return t.policies.filter { have[$0.name] != plain($0) }
    }

    /// The models' functions and aggregates that the database does not have as they are written.
    static func routinesNeedingServer(_ models: Schema, current: Schema) -> [SchemaObject] {
        let dialect = PostgresDialect()
        let have = Dictionary((current.functions.map(SchemaObject.function) + current.aggregates.map(SchemaObject.aggregate)).map { ($0.id, $0) }) { a, _ in a }
        return (models.functions.map(SchemaObject.function) + models.aggregates.map(SchemaObject.aggregate)).filter { o in
            guard let old = have[o.id] else { return true }
            return dialect.normalized(old) != dialect.normalized(o)
        }
    }

    /// The names the functions' argument and result types hold (a table whose rows one returns).
    static func typeNamesIn(_ routines: [SchemaObject]) -> Set<String> {
        var names = Set<String>()
        for o in routines {
            guard case .function(let f) = o else { continue }
            for text in f.arguments.map(\.type) + [f.returns ?? ""] {
                for token in SQLTokenizer.tokenize(text) where token.kind == .word || token.kind == .quotedIdentifier {
                    names.insert(token.kind == .word ? token.value.lowercased() : token.value)
                }
            }
        }
        return names
    }

    /// The views and the models' views their queries name, over and over: in the scratch schema a
    /// view must read the models' views, not the database's namesakes.
    static func withViewsTheyName(_ views: [View], in models: Schema) -> [View] {
        var chosen = views
        var names = Set(views.map(\.name))
        while true {
            let named = namesIn(chosen)
            let more = models.views.filter { v in
                !names.contains(v.name) && v.query(for: .postgres) != nil && (named.contains(v.name) || named.contains(v.name.lowercased()))
            }
            guard !more.isEmpty else { return chosen }
            chosen += more
            names.formUnion(more.map(\.name))
        }
    }

    /// The models' materialized views the database does not have as they are written.
    static func materializedViewsNeedingServer(_ models: Schema, current: Schema) -> [MaterializedView] {
        let dialect = PostgresDialect()
        let have = Dictionary(current.materializedViews.map { ($0.name, SchemaObject.materializedView($0)) }) { a, _ in a }
        return models.materializedViews.filter { m in
            guard let old = have[m.name] else { return true }
            return dialect.normalized(old) != dialect.normalized(.materializedView(m))
        }
    }

    /// The words and quoted names the queries hold.
    static func namesIn(queries: [String]) -> Set<String> {
        var names = Set<String>()
        for q in queries {
            for token in SQLTokenizer.tokenize(q) where token.kind == .word || token.kind == .quotedIdentifier {
                names.insert(token.kind == .word ? token.value.lowercased() : token.value)
            }
        }
        return names
    }

    /// The words and quoted names the views' queries hold.
    static func namesIn(_ views: [View]) -> Set<String> {
        var names = Set<String>()
        for v in views {
            for token in SQLTokenizer.tokenize(v.query(for: .postgres) ?? "") where token.kind == .word || token.kind == .quotedIdentifier {
                names.insert(token.kind == .word ? token.value.lowercased() : token.value)
            }
        }
        return names
    }

    /// One statement that runs the `CREATE` statements in whatever order they succeed in (each
    /// that fails is tried again once another has succeeded): the order comes from the catalog
    /// afterwards, never from reading the queries. First with only the scratch schema on the
    /// search path, so that a view reads the models' objects and never the database's namesakes;
    /// then, for what reads objects the models do not hold, with the whole path. A statement that
    /// never succeeds raises its own error, with the object's name (unless not `strict`: a later
    /// pass tries it again).
    static func createInAnyOrder(_ statements: [(name: String, sql: String)], scratch: String, strict: Bool = true) -> String {
        let statements = afterWhatTheyName(statements)
        let sql = statements.map { SQLText.literal($0.sql) }.joined(separator: ", ")
        let names = statements.map { SQLText.literal($0.name) }.joined(separator: ", ")
        let body = """
            DECLARE
              pending text[] := ARRAY[\(sql)]::text[];
              names text[] := ARRAY[\(names)]::text[];
              still text[]; still_names text[]; progress boolean; s record;
              whole text := current_setting('search_path');
            BEGIN
              FOR phase IN 1 .. 2 LOOP
                PERFORM set_config('search_path', CASE phase WHEN 1 THEN \(SQLText.literal(SQLText.quote(scratch))) ELSE whole END, true);
                progress := true;
                WHILE progress AND cardinality(pending) > 0 LOOP
                  progress := false; still := '{}'; still_names := '{}';
                  -- unnest, not pending[i]: reading the i-th of a text array walks it from the start.
                  FOR s IN SELECT * FROM unnest(pending, names) AS u(statement, name) LOOP
                    BEGIN
                      EXECUTE s.statement;
                      progress := true;
                    EXCEPTION WHEN OTHERS THEN
                      still := array_append(still, s.statement); still_names := array_append(still_names, s.name);
                    END;
                  END LOOP;
                  pending := still; names := still_names;
                END LOOP;
              END LOOP;
              IF \(strict) AND cardinality(pending) > 0 THEN
                BEGIN
                  EXECUTE pending[1];
                EXCEPTION WHEN OTHERS THEN
                  RAISE EXCEPTION '%: %', names[1], SQLERRM;
                END;
              END IF;
            END
            """
        return "DO \(SQLText.literal(body))"
    }

    /// What a query reading a table sees of one column.
    struct SeenColumn: Equatable {
        var name: String
        var type: ColumnType
        var collation: String?
    }

    /// What a query reading the table sees of it: each column's name, type and collation, in
    /// order. Nil when a column's type is an enum, domain or composite type: the scratch schema
    /// has the models' own of those, which hide the database's by name, so a view over the
    /// database's table would name its type qualified (`'new'::public.status`) where the
    /// database's view does not.
    static func columnsSeen(_ t: Table, userTypes: Set<String>) -> [SeenColumn]? {
        var seen: [SeenColumn] = []
        seen.reserveCapacity(t.columns.count)
        for c in t.columns {
            if case .enumeration = c.type { return nil }
            let type = PostgresDialect.parseType(PostgresDialect.typeSQL(c))
            if case .native(let name) = type, !userTypes.isEmpty {
                let base = name.lowercased().replacingOccurrences(of: "[]", with: "").replacingOccurrences(of: "\"", with: "")
                if userTypes.contains(base) { return nil }
            }
            seen.append(SeenColumn(name: c.name, type: type, collation: c.collations[.postgres].flatMap { $0 == "default" ? nil : $0 }))
        }
        return seen
    }

    /// The domains and composite types the models or the database define (by name, in lower case).
    static func userTypes(_ models: Schema, _ current: Schema) -> Set<String> {
        Set((models.domains + current.domains).map { $0.name.lowercased() }
            + (models.compositeTypes + current.compositeTypes).map { $0.name.lowercased() })
    }

    /// The statements, each after the others whose object its text names (declaration order
    /// otherwise, and for a cycle). The second pass of `createInAnyOrder` has the database's
    /// schema on the path: a view tried before the models' view it reads would read the
    /// database's namesake instead, and keep it.
    static func afterWhatTheyName(_ statements: [(name: String, sql: String)]) -> [(name: String, sql: String)] {
        var index: [String: Int] = [:]
        for (i, s) in statements.enumerated() where index[s.name.lowercased()] == nil { index[s.name.lowercased()] = i }
        var needs = Array(repeating: Set<Int>(), count: statements.count)
        for (i, s) in statements.enumerated() {
            for token in SQLTokenizer.tokenize(s.sql) where token.kind == .word || token.kind == .quotedIdentifier {
                if let j = index[token.value.lowercased()], j != i { needs[i].insert(j) }
            }
        }
        var placed = Array(repeating: false, count: statements.count)
        var order: [Int] = []
        var progress = true
        while progress {
            progress = false
            for i in statements.indices where !placed[i] && needs[i].allSatisfy({ placed[$0] }) {
                placed[i] = true
                order.append(i)
                progress = true
            }
        }
        order += statements.indices.filter { !placed[$0] }
        return order.map { statements[$0] }
    }

    /// True when the table has a check, expression index, partial index, expression default or
    /// generated column whose text the database's table does not already have. A new table with
    /// expressions is sent too: it is created as written, but an expression the server refuses (a
    /// column that does not exist) is a model error now rather than a failed upgrade later.
    static func needsServer(_ t: Table, current: Table?) -> Bool {
        guard let current else { return !t.expressions.isEmpty }
        let have = Set(current.expressions)
        return t.expressions.contains { !have.contains(SQLText.normalizeExpression($0)) }
    }

    /// True when the table is partitioned and its key or a partition's bound or own index is not
    /// spelled as the database's table spells it.
    static func partitioningNeedsServer(_ t: Table, current: Table?) -> Bool {
        guard let p = t.partitioning else { return false }
        guard let old = current?.partitioning else { return true }
        return PostgresDialect.normalized(bare(p)) != PostgresDialect.normalized(bare(old))
    }

    /// The constraint without its comment, normalized: what the server must spell.
    static func bare(_ x: ExclusionConstraint) -> ExclusionConstraint {
        var x = x
        x.comment = nil
        return PostgresDialect.normalized(x)
    }

    /// The key, the partitions and their bounds and own indexes, without comments (what the scratch needs).
    static func bare(_ p: Partitioning) -> Partitioning {
        var p = p
        p.partitions = p.partitions.map { part in
            var part = part
            part.comment = nil
            part.indexes = part.indexes.map { i in
                var i = i
                i.comment = nil
                return i
            }
            part.partitioning = part.partitioning.map(bare)
            return part
        }
        return p
    }

    /// The columns the table's expressions can refer to: those named in them (and those with an
    /// expression default or a generation expression); every column when an expression names the
    /// table itself (a whole-row reference). Fewer columns make the scratch tables cheaper to create.
    static func referencedColumns(_ t: Table) -> [Column] {
        var bare = Set<String>(), quoted = Set<String>()
        for text in t.expressions {
            for token in SQLTokenizer.tokenize(text) {
                if token.kind == .word { bare.insert(token.value.lowercased()) }
                if token.kind == .quotedIdentifier { quoted.insert(token.value) }
            }
        }
        if bare.contains(t.name.lowercased()) || quoted.contains(t.name) { return t.columns }
        return t.columns.filter { c in
            if case .expression? = c.defaultValue { return true }
            if c.generated != nil { return true }
            return quoted.contains(c.name) || bare.contains(c.name.lowercased())
                || t.indexes.contains { $0.predicate != nil || !$0.isColumnsOnly ? $0.columns.contains(c.name) : false }
        }
    }

    static func firstLine(_ error: any Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}

/// The models' tables as the database spells them, for comparison only: revisions keep the models'
/// own text, so that they run on every dialect.
public struct CanonicalForms: Sendable {
    /// Canonical copies of the tables that needed the server, by name.
    public var tables: [String: Table] = [:]
    /// The models' views with their queries as the server spells them, by name.
    public var views: [String: View] = [:]
    /// The models' domains with their default and checks as the server spells them, by name.
    public var domains: [String: Domain] = [:]
    /// The models' functions and aggregates as the server read them back, by id.
    public var objects: [ObjectID: SchemaObject] = [:]
    /// The columns each of the models' views returns, in order, as `name type`.
    public var viewColumns: [String: [String]] = [:]
    /// The dependency graph of the models' objects, as the catalog showed it once they were created.
    public var dependencies: [ObjectDependency] = []
    /// Set when the server could not be used and expressions were compared as text.
    public var notice: String?

    /// Canonical tables and a notice, if any.
    public init(tables: [String: Table] = [:], notice: String? = nil) {
        self.tables = tables
        self.notice = notice
    }

    /// The view to compare `model` by: its query as the server spelled it, if it did.
    func comparable(_ model: View) -> View {
        guard let canonical = views[model.name], let query = canonical.query else { return model }
        var v = model
        v.query = query
        v.perDialect = [:]
        v.columns = []  // folded into the query as aliases
        return v
    }

    /// The function or aggregate to compare `model` by: as the server read it back, if it did.
    func comparable(_ model: SchemaObject) -> SchemaObject {
        guard let read = objects[model.id] else { return model }
        // The comment is the model's own (a statement run a second time in the scratch sets none).
        switch read {
        case .function(var f):
            f.comment = model.comment
            return .function(f)
        case .aggregate(var a):
            a.comment = model.comment
            return .aggregate(a)
        case .materializedView(var m):
            m.comment = model.comment
            return .materializedView(m)
        case .policy(let table, var p):
            p.comment = model.comment
            return .policy(table: table, p)
        case .exclusion(let table, var x):
            x.comment = model.comment
            return .exclusion(table: table, x)
        case .view, .domain, .compositeType, .trigger, .partition, .extension:
            return read
        }
    }

    /// The table to compare `model` by: its canonical copy with the model's own structure, or the model.
    func comparable(_ model: Table) -> Table {
        guard let canonical = tables[model.name] else { return model }
        var t = model
        for i in t.checks.indices {
            if let c = canonical.checks.first(where: { $0.name == t.checks[i].name }) { t.checks[i].expression = c.expression }
        }
        for i in t.indexes.indices {
            guard let c = canonical.indexes.first(where: { $0.name == t.indexes[i].name }) else { continue }
            t.indexes[i].predicate = c.predicate
            if c.keys.count == t.indexes[i].keys.count { t.indexes[i].keys = c.keys }
        }
        for i in t.columns.indices {
            guard let c = canonical.column(t.columns[i].name) else { continue }
            if case .expression? = t.columns[i].defaultValue { t.columns[i].defaultValue = c.defaultValue }
            if t.columns[i].generated != nil, let g = c.generated { t.columns[i].generated?.expression = g.expression }
        }
        for i in t.triggers.indices where t.triggers[i].when != nil {
            if let c = canonical.triggers.first(where: { $0.name == t.triggers[i].name }) { t.triggers[i].when = c.when }
        }
        if let model = t.partitioning, let c = canonical.partitioning { t.partitioning = Self.comparable(model, canonical: c) }
        for i in t.exclusionConstraints.indices {
            guard let c = canonical.exclusionConstraints.first(where: { $0.name == t.exclusionConstraints[i].name }) else { continue }
            t.exclusionConstraints[i].predicate = c.predicate
            if c.elements.count == t.exclusionConstraints[i].elements.count { t.exclusionConstraints[i].elements = c.elements }
            t.exclusionConstraints[i].method = c.method
        }
        for i in t.policies.indices {
            guard let c = canonical.policies.first(where: { $0.name == t.policies[i].name }) else { continue }
            t.policies[i].using = c.using
            t.policies[i].withCheck = c.withCheck
        }
        return t
    }

    /// The model's partitioning with the key, bounds and own indexes' expressions as the server spelled them.
    static func comparable(_ model: Partitioning, canonical: Partitioning) -> Partitioning {
        var p = model
        if canonical.keys.count == p.keys.count { p.keys = canonical.keys }
        for i in p.partitions.indices {
            guard let c = canonical.partitions.first(where: { $0.name == p.partitions[i].name }) else { continue }
            p.partitions[i].bound = c.bound
            for n in p.partitions[i].indexes.indices {
                guard let ci = c.indexes.first(where: { $0.name == p.partitions[i].indexes[n].name }) else { continue }
                p.partitions[i].indexes[n].predicate = ci.predicate
                if ci.keys.count == p.partitions[i].indexes[n].keys.count { p.partitions[i].indexes[n].keys = ci.keys }
            }
            if let sub = p.partitions[i].partitioning, let csub = c.partitioning { p.partitions[i].partitioning = comparable(sub, canonical: csub) }
        }
        return p
    }
}
