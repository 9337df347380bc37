/// PostgreSQL statements for objects beside the tables (views): create, drop, replace in place,
/// and the drop-and-create-again of the objects that depend on something that changes.
enum PostgresObjectSQL {
    static let q = SQLText.quote

    /// A query as a statement's tail: without the `;` and blank space it may end with.
    static func body(_ query: String) -> String {
        var text = Substring(query)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace || last == ";" { text = text.dropLast() }
        return text.startIndex == query.startIndex && text.endIndex == query.endIndex ? query : String(text)
    }

    /// `CREATE [OR REPLACE] VIEW …` with its options, and its comment; nothing for a view with no
    /// PostgreSQL query.
    static func create(_ object: SchemaObject, orReplace from: SchemaObject? = nil) -> [String] {
        switch object {
        case .view(let v):
            guard let query = v.query(for: .postgres) else { return [] }
            var options: [String] = []
            if let c = v.checkOption { options.append("check_option=\(c.rawValue)") }
            var old: View?
            if case .view(let o)? = from { old = o }
            if v.securityBarrier || old?.securityBarrier == true { options.append("security_barrier=\(v.securityBarrier)") }
            if v.securityInvoker || old?.securityInvoker == true { options.append("security_invoker=\(v.securityInvoker)") }
            let columns = v.columns.isEmpty ? "" : " (" + v.columns.map(q).joined(separator: ", ") + ")"
            var sql = [
                "CREATE \(from == nil ? "" : "OR REPLACE ")VIEW \(q(v.name))\(columns)"
                    + (options.isEmpty ? "" : " WITH (\(options.joined(separator: ", ")))") + " AS \(body(query))"
            ]
            if old?.checkOption != nil, v.checkOption == nil { sql.append("ALTER VIEW \(q(v.name)) RESET (check_option)") }
            // A view replaced in place keeps its comment; a new one gets its own.
            if from == nil ? v.comment != nil : v.comment != old?.comment { sql.append(comment(object)) }
            return sql
        case .domain(let d):
            guard case .domain(let old)? = from else { return createDomain(d) }
            return alterDomain(from: old, to: d)
        case .compositeType(let t):
            guard case .compositeType(let old)? = from else {
                let attributes = t.attributes.map { "\(q($0.name)) \($0.type)" }.joined(separator: ", ")
                return ["CREATE TYPE \(q(t.name)) AS (\(attributes))"] + (t.comment != nil ? [comment(object)] : [])
            }
            return alterCompositeType(from: old, to: t)
        case .function(let f):
            guard case .function(let old)? = from else { return PostgresFunctionSQL.create(f) }
            return PostgresFunctionSQL.create(f, orReplace: old)
        case .aggregate(let a):
            guard case .aggregate(let old)? = from else { return PostgresFunctionSQL.create(a) }
            return PostgresFunctionSQL.create(a, orReplace: old)
        case .trigger(let table, let t):
            guard case .trigger(_, let old)? = from else { return PostgresTriggerSQL.create(table, t) }
            return PostgresTriggerSQL.replace(table, old, with: t)
        case .materializedView(let m):
            guard case .materializedView(let old)? = from else { return PostgresMaterializedViewSQL.create(m) }
            return PostgresMaterializedViewSQL.replace(old, with: m)
        case .partition(_, let parent, let p):
            guard case .partition(_, _, let old)? = from else { return PostgresPartitionSQL.create(p, of: parent) }
            return PostgresPartitionSQL.replace(old, with: p, of: parent)
        case .policy(let table, let p):
            guard case .policy(_, let old)? = from else { return PostgresPolicySQL.create(table, p) }
            return PostgresPolicySQL.replace(table, old, with: p)
        case .exclusion(let table, let x):
            guard case .exclusion(_, let old)? = from else {
                return ["ALTER TABLE \(q(table)) ADD CONSTRAINT \(q(x.name)) \(x.sql)"] + (x.comment != nil ? [comment(object)] : [])
            }
            var plain = old
            plain.comment = x.comment
            guard plain == x else { return drop(.exclusion(table: table, old)) + create(object) }
            return [comment(object)]
        case .extension(let e):
            guard case .extension(let old)? = from else {
                // Database-wide: another schema of the database may have created it already.
                return [extensionLock, "CREATE EXTENSION IF NOT EXISTS \(q(e.name))" + (e.schema.map { " WITH SCHEMA \(q($0))" } ?? "")
                        + (e.version.map { " VERSION \(SQLText.literal($0))" } ?? "")]
            }
            var sql: [String] = []
            if let s = e.schema, s != old.schema { sql.append("ALTER EXTENSION \(q(e.name)) SET SCHEMA \(q(s))") }
            if let v = e.version, v != old.version { sql.append("ALTER EXTENSION \(q(e.name)) UPDATE TO \(SQLText.literal(v))") }
            return sql.isEmpty ? [] : [extensionLock] + sql
        }
    }

    /// An extension is the database's, not a schema's: tenant schemas migrated at once (a fleet)
    /// would race to create it, and the loser's `IF NOT EXISTS` fails on the catalog's unique key.
    /// The database's own lock, held until the revision's transaction ends, makes the others wait
    /// and then find it created.
    static let extensionLock = "SELECT pg_advisory_xact_lock(hashtext('retort:' || current_database() || ':extensions'))"

    /// `ALTER TYPE` for attributes dropped, retyped and added (the ones kept stay in their order),
    /// and the comment.
    static func alterCompositeType(from old: CompositeType, to t: CompositeType) -> [String] {
        let name = q(t.name)
        var sql: [String] = []
        let newNames = Set(t.attributes.map(\.name)), oldNames = Set(old.attributes.map(\.name))
        for a in old.attributes where !newNames.contains(a.name) { sql.append("ALTER TYPE \(name) DROP ATTRIBUTE \(q(a.name))") }
        for a in t.attributes {
            if let before = old.attributes.first(where: { $0.name == a.name }), before.type != a.type {
                sql.append("ALTER TYPE \(name) ALTER ATTRIBUTE \(q(a.name)) TYPE \(a.type)")
            }
        }
        for a in t.attributes where !oldNames.contains(a.name) { sql.append("ALTER TYPE \(name) ADD ATTRIBUTE \(q(a.name)) \(a.type)") }
        if old.comment != t.comment { sql.append(comment(.compositeType(t))) }
        return sql
    }

    /// `CREATE DOMAIN … AS type [COLLATE] [DEFAULT] [NOT NULL] [CONSTRAINT … CHECK (…)]…` and its comment.
    static func createDomain(_ d: Domain) -> [String] {
        var sql = "CREATE DOMAIN \(q(d.name)) AS \(d.type)"
        if let c = d.collation { sql += " COLLATE \(q(c))" }
        if let v = d.defaultValue { sql += " DEFAULT \(v)" }
        if d.notNull { sql += " NOT NULL" }
        for c in d.checks { sql += " \(c.name.map { "CONSTRAINT \(q($0)) " } ?? "")CHECK (\(c.expression))" }
        return [sql] + (d.comment != nil ? [comment(.domain(d))] : [])
    }

    /// `ALTER DOMAIN` for what changed in place: default, NOT NULL, checks (dropped, then added), comment.
    static func alterDomain(from old: Domain, to d: Domain) -> [String] {
        let name = q(d.name)
        var sql: [String] = []
        if old.defaultValue != d.defaultValue {
            sql.append("ALTER DOMAIN \(name) " + (d.defaultValue.map { "SET DEFAULT \($0)" } ?? "DROP DEFAULT"))
        }
        if old.notNull != d.notNull { sql.append("ALTER DOMAIN \(name) \(d.notNull ? "SET" : "DROP") NOT NULL") }
        for c in old.checks where !d.checks.contains(c) {
            if let n = c.name { sql.append("ALTER DOMAIN \(name) DROP CONSTRAINT \(q(n))") }
        }
        for c in d.checks where !old.checks.contains(c) {
            sql.append("ALTER DOMAIN \(name) ADD \(c.name.map { "CONSTRAINT \(q($0)) " } ?? "")CHECK (\(c.expression))")
        }
        if old.comment != d.comment { sql.append(comment(.domain(d))) }
        return sql
    }

    /// `COMMENT ON VIEW … IS …` (`NULL` to remove it).
    static func comment(_ object: SchemaObject) -> String {
        switch object {
        case .view(let v): return "COMMENT ON VIEW \(q(v.name)) IS \(v.comment.map(SQLText.literal) ?? "NULL")"
        case .domain(let d): return "COMMENT ON DOMAIN \(q(d.name)) IS \(d.comment.map(SQLText.literal) ?? "NULL")"
        case .compositeType(let t): return "COMMENT ON TYPE \(q(t.name)) IS \(t.comment.map(SQLText.literal) ?? "NULL")"
        case .function(let f): return PostgresFunctionSQL.comment(f)
        case .aggregate(let a): return PostgresFunctionSQL.comment(a)
        case .trigger(let table, let t): return PostgresTriggerSQL.comment(table, t)
        case .materializedView(let m): return PostgresMaterializedViewSQL.comment(m)
        case .partition(_, _, let p): return PostgresPartitionSQL.comment(p)
        case .policy(let table, let p): return PostgresPolicySQL.comment(table, p)
        case .extension(let e): return "COMMENT ON EXTENSION \(q(e.name)) IS NULL"
        case .exclusion(let table, let x): return "COMMENT ON CONSTRAINT \(q(x.name)) ON \(q(table)) IS \(x.comment.map(SQLText.literal) ?? "NULL")"
        }
    }

    /// `DROP VIEW …`; without CASCADE: what still depends on it makes PostgreSQL refuse, by name.
    static func drop(_ object: SchemaObject) -> [String] {
        switch object {
        case .view(let v): return v.query(for: .postgres) == nil ? [] : ["DROP VIEW \(q(v.name))"]
        case .domain(let d): return ["DROP DOMAIN \(q(d.name))"]
        case .compositeType(let t): return ["DROP TYPE \(q(t.name))"]
        case .function(let f): return ["DROP \(PostgresFunctionSQL.keyword(f)) \(PostgresFunctionSQL.reference(f))"]
        case .aggregate(let a): return ["DROP AGGREGATE \(PostgresFunctionSQL.reference(a))"]
        case .trigger(let table, let t): return PostgresTriggerSQL.drop(table, t)
        case .materializedView(let m): return PostgresMaterializedViewSQL.drop(m)
        case .partition(_, _, let p): return PostgresPartitionSQL.drop(p)
        case .policy(let table, let p): return PostgresPolicySQL.drop(table, p)
        case .extension(let e): return ["DROP EXTENSION \(q(e.name))"]
        case .exclusion(let table, let x): return ["ALTER TABLE \(q(table)) DROP CONSTRAINT \(q(x.name))"]
        }
    }

    /// The statements that give an object created again what the catalog says it had: grants
    /// (other than its owner's own) and its owner, when that is not `reader`, who creates it.
    static func restore(_ facts: CatalogObject, reader: String?) -> [String] {
        let target: String
        switch facts.object {
        case .trigger, .partition, .policy, .extension, .exclusion: return []  // no grants or owner of its own (a partition's are its table's)
        case .view(let v): target = q(v.name)
        case .materializedView(let m): target = q(m.name)
        case .domain(let d): target = "DOMAIN \(q(d.name))"
        case .compositeType(let t): target = "TYPE \(q(t.name))"
        case .function(let f): target = "\(PostgresFunctionSQL.keyword(f)) \(PostgresFunctionSQL.reference(f))"
        case .aggregate(let a): target = "FUNCTION \(PostgresFunctionSQL.reference(a))"
        }
        var sql: [String] = []
        // Functions and types are usable by PUBLIC unless revoked: a list without PUBLIC had it revoked.
        let publicByDefault: Bool
        switch facts.object {
        case .view, .trigger, .materializedView, .partition, .policy, .extension, .exclusion: publicByDefault = false
        case .domain, .compositeType, .function, .aggregate: publicByDefault = true
        }
        if publicByDefault, !facts.privileges.isEmpty, !facts.privileges.compactMap(ACLItem.init).contains(where: { $0.grantee == nil }) {
            let privilege: String
            switch facts.object {
            case .function, .aggregate: privilege = "EXECUTE"
            case .view, .domain, .compositeType, .trigger, .materializedView, .partition, .policy, .extension, .exclusion: privilege = "USAGE"
            }
            sql.append("REVOKE \(privilege) ON \(target) FROM PUBLIC")
        }
        for item in facts.privileges {
            guard let grant = ACLItem(item), grant.grantee != facts.owner else { continue }
            guard !grant.privileges.isEmpty else { continue }
            let plain = grant.privileges.filter { !$0.grantable }.map(\.name)
            let grantable = grant.privileges.filter(\.grantable).map(\.name)
            let grantee = grant.grantee.map(q) ?? "PUBLIC"
            if !plain.isEmpty { sql.append("GRANT \(plain.joined(separator: ", ")) ON \(target) TO \(grantee)") }
            if !grantable.isEmpty { sql.append("GRANT \(grantable.joined(separator: ", ")) ON \(target) TO \(grantee) WITH GRANT OPTION") }
        }
        if let owner = facts.owner, owner != reader {
            switch facts.object {
            case .view: sql.append("ALTER VIEW \(target) OWNER TO \(q(owner))")
            case .domain(let d): sql.append("ALTER DOMAIN \(q(d.name)) OWNER TO \(q(owner))")
            case .compositeType(let t): sql.append("ALTER TYPE \(q(t.name)) OWNER TO \(q(owner))")
            case .function: sql.append("ALTER \(target) OWNER TO \(q(owner))")
            case .aggregate(let a): sql.append("ALTER AGGREGATE \(PostgresFunctionSQL.reference(a)) OWNER TO \(q(owner))")
            case .materializedView: sql.append("ALTER MATERIALIZED VIEW \(target) OWNER TO \(q(owner))")
            case .trigger, .partition, .policy, .extension, .exclusion: break
            }
        }
        return sql
    }

    /// The objects that use `id` (its `column`, if given) and that must be dropped before a change
    /// PostgreSQL refuses while they exist, then created again after it from the catalog's
    /// definitions, with their grants, owner and comment: (drops, creations).
    static func aroundChange(of id: ObjectID, column: String? = nil, in schema: Schema) -> (before: [String], after: [String]) {
        let users = schema.catalog.dependents(of: id, column: column).compactMap { schema.catalog.objects[$0] }
        let before = users.reversed().flatMap { drop($0.object) }
        let after = users.flatMap { facts in create(facts.object) + restore(facts, reader: schema.catalog.reader) }
        return (before, after)
    }
}

/// One entry of a PostgreSQL access-privilege list, as the catalog prints it:
/// `grantee=privileges/grantor` (an empty grantee is PUBLIC; `*` after a letter: grantable).
struct ACLItem: Hashable, Sendable {
    /// A privilege and whether it may be granted on.
    struct Privilege: Hashable, Sendable {
        var name: String
        var grantable: Bool
    }

    /// The role the privileges are granted to; nil for PUBLIC.
    var grantee: String?
    var privileges: [Privilege]

    static let letters: [Character: String] = [
        "r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE", "D": "TRUNCATE", "x": "REFERENCES", "t": "TRIGGER",
        "X": "EXECUTE", "U": "USAGE", "C": "CREATE", "c": "CONNECT", "T": "TEMPORARY", "m": "MAINTAIN",
    ]

    /// Parses `grantee=privileges/grantor`; nil for text of another shape.
    init?(_ text: String) {
        var chars = Substring(text)
        guard let (grantee, rest) = Self.role(chars) else { return nil }
        chars = rest
        guard chars.first == "=" else { return nil }
        chars = chars.dropFirst()
        var privileges: [Privilege] = []
        while let c = chars.first, c != "/" {
            chars = chars.dropFirst()
            guard let name = Self.letters[c] else { return nil }
            var grantable = false
            if chars.first == "*" {
                grantable = true
                chars = chars.dropFirst()
            }
            privileges.append(Privilege(name: name, grantable: grantable))
        }
        self.grantee = grantee.isEmpty ? nil : grantee
        self.privileges = privileges
    }

    /// A role name at the start of `text` (double-quoted when it needs to be), and what follows it.
    private static func role(_ text: Substring) -> (String, Substring)? {
        guard text.first == "\"" else {
            let end = text.firstIndex(where: { $0 == "=" || $0 == "/" }) ?? text.endIndex
            return (String(text[..<end]), text[end...])
        }
        var name = "", rest = text.dropFirst()
        while let c = rest.first {
            rest = rest.dropFirst()
            if c == "\"" {
                if rest.first == "\"" {
                    name.append("\"")
                    rest = rest.dropFirst()
                } else {
                    return (name, rest)
                }
            } else {
                name.append(c)
            }
        }
        return nil
    }
}
