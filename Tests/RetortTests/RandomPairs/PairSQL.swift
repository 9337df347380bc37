import Retort

/// The generator's own SQL for a `PairSchema`: what a team would have written by hand (and
/// `pg_dump` would print back), independent of Retort's renderer.
struct PairSQL {
    let dialect: DialectName
    var pg: Bool { dialect == .postgres }

    static func id(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
    func id(_ name: String) -> String { Self.id(name) }

    func type(_ t: PairType) -> String {
        switch t {
        case .smallint: return pg ? "smallint" : "SMALLINT"
        case .integer: return pg ? "integer" : "INTEGER"
        case .bigint: return pg ? "bigint" : "BIGINT"
        case .real: return pg ? "real" : "REAL"
        case .double: return pg ? "double precision" : "DOUBLE PRECISION"
        case .numeric(let p, let s): return pg ? "numeric(\(p),\(s))" : "NUMERIC(\(p),\(s))"
        case .text: return pg ? "text" : "TEXT"
        case .varchar(let n): return pg ? "varchar(\(n))" : "VARCHAR(\(n))"
        case .char(let n): return pg ? "char(\(n))" : "CHAR(\(n))"
        case .boolean: return pg ? "boolean" : "BOOLEAN"
        case .date: return pg ? "date" : "DATE"
        case .timestamp: return pg ? "timestamp" : "TIMESTAMP"
        case .timestamptz: return "timestamptz"
        case .time: return "time"
        case .interval: return "interval"
        case .uuid: return pg ? "uuid" : "UUID"
        case .json: return pg ? "json" : "JSON"
        case .jsonb: return "jsonb"
        case .bytea: return pg ? "bytea" : "BLOB"
        case .inet: return "inet"
        case .intArray: return "integer[]"
        case .textArray: return "text[]"
        case .enumeration(let name), .domain(let name): return id(name)
        case .citext: return "citext"
        case .hstore: return "hstore"
        }
    }

    /// The value row `i` holds in a column of this type (rows are numbered from 0): the same for
    /// every column of one type, so a foreign key's rows always find their parent row.
    func value(_ t: PairType, row i: Int, in schema: PairSchema) -> String {
        let n = i + 1
        switch t {
        case .smallint, .integer, .bigint, .real, .double, .numeric: return "\(n)"
        case .text, .varchar, .char, .citext: return "'\(n)'"
        case .boolean: return i % 2 == 0 ? (pg ? "true" : "TRUE") : (pg ? "false" : "FALSE")
        case .date: return "'2020-01-0\(n)'"
        case .timestamp: return "'2020-01-0\(n) 10:00:00'"
        case .timestamptz: return "'2020-01-0\(n) 10:00:00+00'"
        case .time: return "'10:0\(i):00'"
        case .interval: return "'\(n) days'"
        case .uuid: return "'00000000-0000-0000-0000-00000000000\(n)'"
        case .json, .jsonb: return "'{\"k\": \(n)}'"
        case .bytea: return pg ? "'\\x0\(n)'" : "X'0\(n)'"
        case .inet: return "'10.0.0.\(n)'"
        case .intArray: return "'{\(n)}'"
        case .textArray: return "'{\"\(n)\"}'"
        case .enumeration(let name):
            let labels = schema.enums.first { $0.name == name }?.labels ?? ["?"]
            return Self.literal(labels[i % labels.count])
        case .domain(let name):
            return value(schema.domains.first { $0.name == name }?.base ?? .integer, row: i, in: schema)
        case .hstore: return "'k=>\(n)'"
        }
    }

    func condition(_ c: PairCondition, type: PairType, prefix: String = "") -> String {
        let col = prefix + id(c.column)
        switch c.kind {
        case .notNull: return "\(col) IS NOT NULL"
        case .positive: return type.isText ? "length(\(col)) > 0" : "\(col) > 0"
        case .bounded: return "\(col) < 1000000"
        case .between: return "\(col) BETWEEN 0 AND 1000000"
        case .inList: return type.isText ? "\(col) IN ('1', '2', '3', '4', '5', '6')" : "\(col) IN (1, 2, 3, 4, 5, 6)"
        case .nonEmpty: return "length(\(col)) > 0"
        case .notBlank: return "\(col) <> ''"
        case .function: return "\(id(c.function ?? "f"))(\(col)) > 0"
        }
    }

    func conditionType(_ c: PairCondition, in table: PairTable, schema: PairSchema) -> PairType {
        var t = table.column(c.column)?.type ?? .integer
        if case .domain(let d) = t { t = schema.domains.first { $0.name == d }?.base ?? .integer }
        return t
    }

    func column(_ c: PairColumn, in table: PairTable) -> String {
        var s = id(c.name) + " "
        switch c.auto {
        case .serial?: s += c.type == .smallint ? "smallserial" : c.type == .bigint ? "bigserial" : "serial"
        case .autoincrement?: s += "INTEGER PRIMARY KEY AUTOINCREMENT"
        default: s += type(c.type)
        }
        if let collation = c.collation { s += " COLLATE " + (pg ? id(collation) : collation) }
        if let g = c.generated {
            let src = id(g.source)
            let expr = switch g.kind {
            case .plusOne: "\(src) + 1"
            case .lower: "lower(\(src))"
            case .doubled: "\(src) * 2"
            }
            s += " GENERATED ALWAYS AS (\(expr))" + (pg || g.stored ? " STORED" : " VIRTUAL")
        }
        if case .identity(let always, let o)? = c.auto {
            s += " GENERATED \(always ? "ALWAYS" : "BY DEFAULT") AS IDENTITY"
            var options: [String] = []
            if let v = o.start { options.append("START WITH \(v)") }
            if let v = o.increment { options.append("INCREMENT BY \(v)") }
            if let v = o.minValue { options.append("MINVALUE \(v)") }
            if let v = o.maxValue { options.append("MAXVALUE \(v)") }
            if o.cycle { options.append("CYCLE") }
            if let v = o.cache { options.append("CACHE \(v)") }
            if !options.isEmpty { s += " (" + options.joined(separator: " ") + ")" }
        }
        if let d = c.defaultValue { s += " DEFAULT " + d.sql(dialect) }
        if !c.nullable, c.auto != .autoincrement { s += " NOT NULL" }
        return s
    }

    func foreignKey(_ fk: PairForeignKey) -> String {
        var s = "CONSTRAINT \(id(fk.name)) FOREIGN KEY (\(fk.columns.map(id).joined(separator: ", "))) REFERENCES \(id(fk.table)) (\(fk.referenced.map(id).joined(separator: ", ")))"
        if let a = fk.onDelete { s += " ON DELETE \(a)" }
        if let a = fk.onUpdate { s += " ON UPDATE \(a)" }
        if fk.deferrable > 0 { s += " DEFERRABLE" + (fk.deferrable == 2 ? " INITIALLY DEFERRED" : "") }
        return s
    }

    func indexKey(_ k: PairIndexKey) -> String {
        var s = switch k.expression {
        case .lower?: "lower(\(id(k.column)))"
        case .plusOne?: "(\(id(k.column)) + 1)"
        case nil: id(k.column)
        }
        if pg, k.expression != nil { s = "(\(s))" }
        if let c = k.collation { s += " COLLATE " + (pg ? id(c) : c) }
        if let o = k.opclass { s += " " + o }
        if k.descending { s += " DESC" }
        if let n = k.nulls { s += " NULLS " + n }
        return s
    }

    /// The whole schema as a script.
    func script(_ schema: PairSchema) -> String {
        var out: [String] = []
        for e in schema.extensions { out.append("CREATE EXTENSION IF NOT EXISTS \(id(e));") }
        for e in schema.enums { out.append("CREATE TYPE \(id(e.name)) AS ENUM (\(e.labels.map(Self.literal).joined(separator: ", ")));") }
        for d in schema.domains {
            let check = d.base.isText ? "length(VALUE) > 0" : "VALUE > 0"
            out.append("CREATE DOMAIN \(id(d.name)) AS \(type(d.base))\(d.notNull ? " NOT NULL" : "")\(d.check ? " CHECK (\(check))" : "");")
        }
        for s in schema.sequences { out.append("CREATE SEQUENCE \(id(s.name)) START WITH \(s.start) INCREMENT BY \(s.increment);") }
        for f in schema.functions {
            switch f.kind {
            case .scalar(let addend):
                out.append("CREATE FUNCTION \(id(f.name))(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$SELECT x + \(addend)$$;")
            case .trigger(let variant):
                let body = variant == 0 ? "BEGIN RETURN NEW; END" : "BEGIN IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END"
                out.append("CREATE FUNCTION \(id(f.name))() RETURNS trigger LANGUAGE plpgsql AS $$\(body)$$;")
            }
        }
        for t in schema.tables {
            var items = t.columns.map { column($0, in: t) }
            let autoKey = t.columns.contains { $0.auto == .autoincrement }
            if !t.primaryKey.isEmpty, !autoKey {
                items.append((t.primaryKeyName.map { "CONSTRAINT \(id($0)) " } ?? "") + "PRIMARY KEY (\(t.primaryKey.map(id).joined(separator: ", ")))")
            }
            for u in t.uniques {
                items.append("CONSTRAINT \(id(u.name)) UNIQUE\(u.nullsNotDistinct ? " NULLS NOT DISTINCT" : "") (\(u.columns.map(id).joined(separator: ", ")))"
                    + (u.deferrable ? " DEFERRABLE" : ""))
            }
            for c in t.checks { items.append("CONSTRAINT \(id(c.name)) CHECK (\(condition(c.condition, type: conditionType(c.condition, in: t, schema: schema))))") }
            if !pg { items += t.foreignKeys.map(foreignKey) }
            var create = "CREATE TABLE \(id(t.name)) (\n    " + items.joined(separator: ",\n    ") + "\n)"
            if let p = t.partition { create += " PARTITION BY \(p.kind.rawValue.uppercased()) (\(id(p.column)))" }
            out.append(create + ";")
            for part in t.partition?.parts ?? [] {
                let bound = switch t.partition!.kind {
                case .range: "FROM (\(part.bound[0])) TO (\(part.bound[1]))"
                case .list: "IN (\(part.bound.map(String.init).joined(separator: ", ")))"
                case .hash: "WITH (MODULUS \(part.bound[0]), REMAINDER \(part.bound[1]))"
                }
                out.append("CREATE TABLE \(id(part.name)) PARTITION OF \(id(t.name)) FOR VALUES \(bound);")
            }
            for i in t.indexes {
                var s = "CREATE \(i.unique ? "UNIQUE " : "")INDEX \(id(i.name)) ON \(id(t.name))"
                if let m = i.method { s += " USING \(m)" }
                s += " (\(i.keys.map(indexKey).joined(separator: ", ")))"
                if !i.include.isEmpty { s += " INCLUDE (\(i.include.map(id).joined(separator: ", ")))" }
                if let f = i.fillfactor { s += " WITH (fillfactor = \(f))" }
                if let p = i.predicate { s += " WHERE " + condition(p, type: conditionType(p, in: t, schema: schema)) }
                out.append(s + ";")
            }
            if pg, let c = t.comment { out.append("COMMENT ON TABLE \(id(t.name)) IS \(Self.literal(c));") }
            for c in t.columns where pg && c.comment != nil {
                out.append("COMMENT ON COLUMN \(id(t.name)).\(id(c.name)) IS \(Self.literal(c.comment!));")
            }
            if t.rowLevelSecurity { out.append("ALTER TABLE \(id(t.name)) ENABLE ROW LEVEL SECURITY;") }
        }
        if pg {
            for t in schema.tables { for fk in t.foreignKeys { out.append("ALTER TABLE \(id(t.name)) ADD \(foreignKey(fk));") } }
        }
        for p in schema.policies {
            guard let t = schema.table(p.table) else { continue }
            let cond = condition(p.condition, type: conditionType(p.condition, in: t, schema: schema))
            let clause = p.command == "INSERT" ? "WITH CHECK (\(cond))" : "USING (\(cond))"
            out.append("CREATE POLICY \(id(p.name)) ON \(id(p.table)) AS \(p.permissive ? "PERMISSIVE" : "RESTRICTIVE") FOR \(p.command) TO PUBLIC \(clause);")
        }
        for v in schema.views {
            var s = "CREATE \(v.materialized ? "MATERIALIZED " : "")VIEW \(id(v.name)) AS SELECT \(v.columns.map(id).joined(separator: ", ")) FROM \(id(v.source))"
            if let f = v.filter {
                let t = schema.table(v.source) ?? schema.tables.first { t in schema.views.contains { $0.name == v.source && $0.source == t.name } }
                s += " WHERE " + condition(f, type: t.map { conditionType(f, in: $0, schema: schema) } ?? .integer)
            }
            out.append(s + ";")
        }
        for tr in schema.triggers {
            guard let t = schema.table(tr.table) else { continue }
            var events = tr.events.map { e in e == "UPDATE" && !tr.updateOf.isEmpty ? "UPDATE OF \(tr.updateOf.map(id).joined(separator: ", "))" : e }
            if !pg { events = [events[0]] }
            var s = "CREATE TRIGGER \(id(tr.name)) \(tr.before ? "BEFORE" : "AFTER") \(events.joined(separator: " OR ")) ON \(id(tr.table)) FOR EACH ROW"
            if let w = tr.when {
                let prefix = tr.events.contains("DELETE") ? "OLD." : "NEW."
                s += pg ? " WHEN (\(condition(w, type: conditionType(w, in: t, schema: schema), prefix: prefix)))"
                        : " WHEN \(condition(w, type: conditionType(w, in: t, schema: schema), prefix: prefix))"
            }
            s += pg ? " EXECUTE FUNCTION \(id(tr.function ?? "?"))();" : " BEGIN SELECT \(tr.before ? 1 : 2); END;"
            out.append(s)
        }
        return out.joined(separator: "\n")
    }

    /// Statements that fill every table of `schema` with `schema.rows` rows.
    func rows(_ schema: PairSchema) -> String {
        guard schema.rows > 0 else { return "" }
        let referenced = Set(schema.tables.flatMap { t in t.foreignKeys.flatMap { fk in fk.referenced.map { "\(fk.table).\($0)" } } })
        var out: [String] = []
        for t in schema.tables {
            let columns = t.columns.filter { $0.generated == nil }
            guard !columns.isEmpty else { continue }
            let always = columns.contains { if case .identity(true, _)? = $0.auto { return true }; return false }
            let rows = (0..<schema.rows).map { i in
                "(" + columns.map { c in
                    let nullable = c.nullable && c.auto == nil && !t.primaryKey.contains(c.name) && !referenced.contains("\(t.name).\(c.name)")
                    if nullable, i == 0, isDomainNullable(c.type, schema) { return "NULL" }
                    return value(c.type, row: i, in: schema)
                }.joined(separator: ", ") + ")"
            }
            out.append("INSERT INTO \(id(t.name)) (\(columns.map { id($0.name) }.joined(separator: ", ")))\(always && pg ? " OVERRIDING SYSTEM VALUE" : "") VALUES \(rows.joined(separator: ", "));")
        }
        guard !out.isEmpty else { return "" }
        // Rows go in table by table; foreign keys hold once all are in (parents' rows hold the same values).
        return (pg ? ["SET session_replication_role = replica;"] + out + ["RESET session_replication_role;"]
                   : ["PRAGMA foreign_keys = OFF;"] + out + ["PRAGMA foreign_keys = ON;"]).joined(separator: "\n")
    }

    func isDomainNullable(_ t: PairType, _ schema: PairSchema) -> Bool {
        if case .domain(let d) = t { return !(schema.domains.first { $0.name == d }?.notNull ?? false) }
        return true
    }
}
