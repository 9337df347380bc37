import Retort

/// Draws random schemas (and their parts, for the mutator) for one dialect from a seed.
struct PairGenerator {
    let dialect: DialectName
    var rng: SeededRandom
    private var counter = 0

    init(dialect: DialectName, seed: UInt64) {
        self.dialect = dialect
        rng = SeededRandom(seed: seed)
    }

    var pg: Bool { dialect == .postgres }

    /// A fresh name in the schema's namespace; now and then one that needs quoting.
    mutating func name(_ base: String, avoiding used: Set<String>) -> String {
        while true {
            counter += 1
            var n = "\(base)\(counter)"
            if rng.chance(0.05) {
                n = rng.pick(["Mixed\(counter)", "with space \(counter)", "order\(counter)", "naïve_\(counter)", "quo\"te\(counter)", "dash-\(counter)"])
            }
            let folded = Set(used.map { $0.lowercased() })
            if !folded.contains(n.lowercased()) { return n }
        }
    }

    mutating func schema() -> PairSchema {
        var s = PairSchema()
        s.rows = rng.pick([0, 2, 3, 3, 3])
        if pg {
            if rng.chance(0.08) { s.extensions = [rng.pick(["citext", "hstore"])] }
            for _ in 0..<rng.int(0...2) where rng.chance(0.5) {
                s.enums.append(PairEnum(name: name("mood", avoiding: s.usedNames), labels: labels()))
            }
            if rng.chance(0.15) {
                s.domains.append(PairDomain(name: name("dom", avoiding: s.usedNames), base: rng.pick([.integer, .text]), check: rng.chance(0.7), notNull: rng.chance(0.2)))
            }
            if rng.chance(0.15) { s.sequences.append(PairSequence(name: name("seq", avoiding: s.usedNames), start: rng.int(1...50), increment: rng.pick([1, 2, 5]))) }
            if rng.chance(0.25) { s.functions.append(PairFunction(name: name("fn", avoiding: s.usedNames), kind: .scalar(addend: rng.pick([1, 10])))) }
        }
        for _ in 0..<rng.int(1...4) { s.tables.append(table(in: s)) }
        // A sequence nothing uses is not Retort's to manage (its introspector reads the ones a
        // column owns or a default uses): the generator keeps only those its defaults use.
        s.sequences.removeAll { seq in
            !s.tables.contains { t in t.columns.contains { $0.defaultValue?.postgres.contains(PairSQL.literal(PairSQL.id(seq.name))) == true } }
        }
        if pg, rng.chance(0.15) { s.tables.append(partitionedTable(in: s)) }
        for _ in 0..<rng.int(0...3) where rng.chance(0.5) {
            if let fk = foreignKey(in: s) { s = PairMutation.addForeignKey(table: fk.table, fk.key, newColumns: fk.columns).applied(to: s) ?? s }
        }
        for _ in 0..<rng.int(0...2) where rng.chance(0.45) { if let v = view(in: s) { s.views.append(v) } }
        for _ in 0..<rng.int(0...2) where rng.chance(0.35) {
            if let t = trigger(in: &s) { s.triggers.append(t) }
        }
        if pg, rng.chance(0.2) {
            if let p = policy(in: s) {
                s.policies.append(p)
                if let i = s.tableIndex(p.table) { s.tables[i].rowLevelSecurity = rng.chance(0.8) }
            }
        }
        return s
    }

    mutating func labels() -> [String] {
        var l = Array(["a", "b", "c", "d", "e"].prefix(rng.int(1...4)))
        if rng.chance(0.15) { l.append(rng.pick(["it's", "Upper", "with space", "ü"])) }
        return l
    }

    mutating func columnTypes(in s: PairSchema) -> [PairType] {
        if !pg { return [.smallint, .integer, .bigint, .real, .double, .numeric(10, 2), .text, .varchar(20), .char(8), .boolean, .date, .timestamp, .uuid, .json, .bytea] }
        var types: [PairType] = [.smallint, .integer, .integer, .bigint, .real, .double, .numeric(10, 2), .numeric(12, 4), .text, .text, .varchar(20),
                                 .varchar(255), .char(8), .boolean, .date, .timestamp, .timestamptz, .time, .interval, .uuid, .json, .jsonb,
                                 .bytea, .inet, .intArray, .textArray]
        types += s.enums.map { .enumeration($0.name) } + s.domains.map { .domain($0.name) }
        if s.extensions.contains("citext") { types.append(.citext) }
        if s.extensions.contains("hstore") { types.append(.hstore) }
        return types
    }

    mutating func table(in s: PairSchema) -> PairTable {
        var t = PairTable(name: name("t", avoiding: s.usedNames), columns: [])
        var used = s.usedNames.union([t.name])
        // The key.
        let keyKind = rng.int(0...9)
        if keyKind == 0 {
            // No primary key.
        } else if keyKind <= 2 {
            let a = PairColumn(name: name("k", avoiding: used), type: rng.pick([.integer, .text, .uuid]), nullable: false)
            used.insert(a.name)
            let b = PairColumn(name: name("k", avoiding: used), type: rng.pick([.integer, .bigint, .varchar(20)]), nullable: false)
            used.insert(b.name)
            t.columns = [a, b]
            t.primaryKey = [a.name, b.name]
        } else {
            var id = PairColumn(name: name("id", avoiding: used), type: rng.pick([.integer, .bigint, .integer, .text, .uuid]), nullable: false)
            if id.type.isInteger, rng.chance(0.5) {
                if pg {
                    id.type = rng.pick([.smallint, .integer, .bigint])
                    id.auto = rng.chance(0.3) ? .serial : .identity(always: rng.chance(0.5), options: identityOptions())
                } else if rng.chance(0.5) {
                    id.type = .integer
                    id.auto = .autoincrement
                }
            }
            used.insert(id.name)
            t.columns = [id]
            t.primaryKey = [id.name]
        }
        if !t.primaryKey.isEmpty, rng.chance(0.3) { t.primaryKeyName = name("pk", avoiding: used); used.insert(t.primaryKeyName!) }
        for _ in 0..<rng.int(0...5) {
            let c = column(in: s, table: t, avoiding: used)
            used.insert(c.name)
            t.columns.append(c)
        }
        if t.columns.isEmpty, !pg || rng.chance(0.5) {
            // SQLite has no table without columns; PostgreSQL has, and keeps some of them.
            let c = column(in: s, table: t, avoiding: used)
            used.insert(c.name)
            t.columns.append(c)
        }
        if rng.chance(0.25), let u = unique(in: t, avoiding: used) { t.uniques.append(u); used.insert(u.name) }
        for _ in 0..<rng.int(0...2) where rng.chance(0.6) {
            if let i = index(in: t, schema: s, avoiding: used) { t.indexes.append(i); used.insert(i.name) }
        }
        if rng.chance(0.3), let c = check(in: t, schema: s, avoiding: used) { t.checks.append(c) }
        if pg, rng.chance(0.15) { t.comment = rng.pick(["the table", "it's a table", "line\nbreak"]) }
        return t
    }

    mutating func identityOptions() -> PairIdentityOptions {
        var o = PairIdentityOptions()
        guard rng.chance(0.4) else { return o }
        if rng.chance(0.5) { o.start = rng.int(1...100) }
        if rng.chance(0.4) { o.increment = rng.pick([2, 5, 10]) }
        if rng.chance(0.2) { o.minValue = 1 }
        if rng.chance(0.2) { o.maxValue = 30000 }
        if rng.chance(0.15) { o.cycle = true }
        if rng.chance(0.2) { o.cache = rng.pick([5, 20]) }
        return o
    }

    mutating func partitionedTable(in s: PairSchema) -> PairTable {
        var used = s.usedNames
        let name = name("pt", avoiding: used)
        used.insert(name)
        let id = PairColumn(name: self.name("id", avoiding: used), type: .integer, nullable: false)
        used.insert(id.name)
        let k = PairColumn(name: self.name("k", avoiding: used), type: rng.pick([.integer, .bigint]), nullable: false)
        used.insert(k.name)
        var t = PairTable(name: name, columns: [id, k])
        for _ in 0..<rng.int(0...2) {
            var c = column(in: s, table: t, avoiding: used)
            c.generated = nil
            c.auto = nil
            used.insert(c.name)
            t.columns.append(c)
        }
        if rng.chance(0.7) { t.primaryKey = [id.name, k.name] }
        let kind = rng.pick([PairPartitioning.Kind.range, .list, .hash])
        var parts: [PairPartition] = []
        let bounds: [[Int]] = switch kind {
        case .range: [[0, 100], [100, 200]]
        case .list: [[1, 2, 3], [4, 5]]
        case .hash: [[2, 0], [2, 1]]
        }
        for b in bounds {
            let n = self.name("\(name)_p", avoiding: used)
            used.insert(n)
            parts.append(PairPartition(name: n, bound: b))
        }
        t.partition = PairPartitioning(kind: kind, column: k.name, parts: parts)
        if rng.chance(0.4), let i = index(in: t, schema: s, avoiding: used) {
            t.indexes.append(PairIndex(name: i.name, unique: false, keys: i.keys.map { PairIndexKey(column: $0.column, expression: $0.expression, descending: $0.descending) }, predicate: nil))
        }
        return t
    }

    mutating func column(in s: PairSchema, table t: PairTable, avoiding used: Set<String>) -> PairColumn {
        var c = PairColumn(name: name("c", avoiding: used), type: rng.pick(columnTypes(in: s)), nullable: rng.chance(0.55))
        if case .domain(let d) = c.type, s.domains.first(where: { $0.name == d })?.notNull == true { c.nullable = false }
        let sources = t.columns.filter { $0.generated == nil && ($0.type.isNumber || $0.type == .text) }
        if rng.chance(0.08), let src = sources.randomElement(using: &rng) {
            let kind: PairGenerated.Kind = src.type == .text ? .lower : rng.pick([.plusOne, .doubled])
            c.type = src.type == .text ? .text : (src.type == .smallint ? .integer : src.type)
            c.generated = PairGenerated(source: src.name, kind: kind, stored: pg || rng.chance(0.5))
            if (!pg && !c.generated!.stored) || src.nullable { c.nullable = true }
            return c
        }
        if rng.chance(0.35) { c.defaultValue = defaultValue(for: c.type, in: s) }
        if c.type.isText, c.type != .citext, rng.chance(0.15) { c.collation = pg ? rng.pick(["C", "POSIX"]) : rng.pick(["NOCASE", "RTRIM"]) }
        if pg, rng.chance(0.1) { c.comment = rng.pick(["a column", "quote ' inside", "ünïcode"]) }
        return c
    }

    mutating func defaultValue(for type: PairType, in s: PairSchema) -> PairDefault? {
        func d(_ kind: PairDefault.Kind, _ p: String, _ q: String? = nil, number: Double? = nil, text: String? = nil) -> PairDefault {
            PairDefault(kind: kind, postgres: p, sqlite: q ?? p, number: number, text: text)
        }
        switch type {
        case .smallint, .integer, .bigint:
            var options = [d(.literal, "5", number: 5), d(.literal, "-1", number: -1), d(.expression, "(1 + 2)", number: 3)]
            if pg { options.append(d(.typedLiteral, "'7'::integer", number: 7)) }
            if pg, let seq = s.sequences.randomElement(using: &rng) {
                options.append(d(.sequence, "nextval(\(PairSQL.literal(PairSQL.id(seq.name))))", number: Double(seq.start)))
            }
            if pg, let f = s.functions.first(where: { if case .scalar = $0.kind { return true }; return false }), case .scalar(let a) = f.kind {
                options.append(d(.function, "\(PairSQL.id(f.name))(1)", number: Double(1 + a)))
            }
            return rng.pick(options)
        case .real, .double, .numeric:
            return rng.pick([d(.literal, "1.5", number: 1.5)] + (pg ? [d(.typedLiteral, "'2.5'::numeric", number: 2.5)] : []))
        case .text, .varchar, .char, .citext:
            var options = [d(.literal, "'hello'", text: "hello"), d(.literal, "'it''s'", text: "it's"), d(.expression, "lower('AB')", "(lower('AB'))", text: "ab")]
            if pg, type == .text { options.append(d(.typedLiteral, "'abc'::text", text: "abc")) }
            return rng.pick(options)
        case .boolean: return rng.pick([d(.literal, "true", "TRUE"), d(.literal, "false", "FALSE")])
        case .date: return rng.pick([d(.typedLiteral, "'2020-01-01'::date", "'2020-01-01'"), d(.expression, "CURRENT_DATE")])
        case .timestamp, .timestamptz:
            return rng.pick([d(.expression, "CURRENT_TIMESTAMP"), d(.typedLiteral, "'2020-01-01 00:00:00'::\(type == .timestamp ? "timestamp" : "timestamptz")", "'2020-01-01 00:00:00'")]
                + (pg ? [d(.expression, "now()")] : []))
        case .uuid: return pg ? d(.expression, "gen_random_uuid()") : nil
        case .json, .jsonb: return d(.typedLiteral, "'{}'::\(type == .json ? "json" : "jsonb")", "'{}'")
        case .interval: return d(.typedLiteral, "'1 day'::interval")
        case .time: return d(.typedLiteral, "'10:00:00'::time")
        case .inet: return d(.typedLiteral, "'10.0.0.1'::inet")
        case .intArray: return d(.typedLiteral, "'{}'::integer[]")
        case .textArray: return d(.typedLiteral, "'{}'::text[]")
        case .bytea: return pg ? d(.typedLiteral, "'\\x00'::bytea") : d(.literal, "X'00'")
        case .enumeration(let e):
            guard let label = s.enums.first(where: { $0.name == e })?.labels.last else { return nil }
            return d(.typedLiteral, "\(PairSQL.literal(label))::\(PairSQL.id(e))")
        case .domain: return nil
        case .hstore: return d(.typedLiteral, "''::hstore")
        }
    }

    /// Columns whose rows hold values distinct from row to row (no NULL only where the key demands it).
    func keyable(_ t: PairTable) -> [PairColumn] {
        t.columns.filter { $0.generated == nil && $0.type.isOrdered && $0.type.isDistinct && !isArrayOrBlob($0.type) }
    }

    func isArrayOrBlob(_ t: PairType) -> Bool { [.intArray, .textArray, .bytea, .inet, .interval, .time].contains(t) }

    mutating func unique(in t: PairTable, avoiding used: Set<String>) -> PairUnique? {
        let cols = keyable(t)
        guard let first = cols.randomElement(using: &rng) else { return nil }
        var columns = [first.name]
        if rng.chance(0.3), let second = t.columns.filter({ $0.name != first.name && $0.generated == nil && $0.type.isOrdered }).randomElement(using: &rng) {
            columns.append(second.name)
        }
        return PairUnique(name: name("uq", avoiding: used), columns: columns, nullsNotDistinct: pg && rng.chance(0.2), deferrable: pg && rng.chance(0.15))
    }

    /// A condition on one of the table's columns. With `values`, one that every row passes; with
    /// `converted`, one that also holds for values a type change brought in (a uuid made text), so
    /// only kinds true of any value of the type.
    mutating func condition(on t: PairTable, schema s: PairSchema, values: Bool = true, converted: Bool = false) -> PairCondition? {
        let candidates = t.columns.filter { c in
            let base = baseType(c.type, s)
            return base.isInteger || base.isText || base == .numeric(10, 2) || base == .real
        }
        guard let c = candidates.randomElement(using: &rng) else { return nil }
        let base = baseType(c.type, s)
        var kinds: [PairCondition.Kind] = base.isText ? [.nonEmpty, .notBlank, .inList, .notNull] : [.positive, .bounded, .between, .inList, .notNull]
        if converted { kinds = base.isText ? [.nonEmpty, .notBlank, .notNull] : [.bounded, .between, .notNull] }
        let fn = s.functions.first { if case .scalar = $0.kind { return true }; return false }
        if base == .integer || base == .smallint, fn != nil, !converted { kinds.append(.function) }
        for _ in 0..<6 {
            let cond = PairCondition(column: c.name, kind: rng.pick(kinds), function: fn?.name)
            if !values || PairRules.holds(cond, on: c, in: s) { return cond.kind == .function ? cond : PairCondition(column: c.name, kind: cond.kind) }
        }
        return nil
    }

    func baseType(_ t: PairType, _ s: PairSchema) -> PairType {
        if case .domain(let d) = t { return s.domains.first { $0.name == d }?.base ?? .integer }
        return t
    }

    mutating func check(in t: PairTable, schema s: PairSchema, avoiding used: Set<String>, converted: Bool = false) -> PairCheck? {
        condition(on: t, schema: s, converted: converted).map { PairCheck(name: name("ck", avoiding: used), condition: $0) }
    }

    mutating func index(in t: PairTable, schema s: PairSchema, avoiding used: Set<String>) -> PairIndex? {
        let name = name("ix", avoiding: used)
        if pg, rng.chance(0.15) {
            // Another access method.
            if let c = t.columns.first(where: { [.jsonb, .intArray, .textArray, .hstore].contains($0.type) }), rng.chance(0.6) {
                return PairIndex(name: name, unique: false, keys: [PairIndexKey(column: c.name)], method: "gin")
            }
            if let c = t.columns.filter({ $0.type.isInteger || $0.type == .date || $0.type == .timestamp }).randomElement(using: &rng), rng.chance(0.5) {
                return PairIndex(name: name, unique: false, keys: [PairIndexKey(column: c.name)], method: "brin")
            }
            if let c = t.columns.filter({ $0.type.isOrdered && $0.generated == nil }).randomElement(using: &rng) {
                return PairIndex(name: name, unique: false, keys: [PairIndexKey(column: c.name)], method: "hash")
            }
        }
        let unique = rng.chance(0.3)
        let pool = unique ? keyable(t) : t.columns.filter { $0.type.isOrdered && !isArrayOrBlob($0.type) || $0.type == .bytea }
        guard let first = pool.randomElement(using: &rng) else { return nil }
        var keys = [key(first, in: s)]
        if rng.chance(0.3), let second = t.columns.filter({ $0.name != first.name && $0.type.isOrdered && !isArrayOrBlob($0.type) }).randomElement(using: &rng) {
            keys.append(key(second, in: s))
        }
        var i = PairIndex(name: name, unique: unique, keys: keys, predicate: rng.chance(0.2) ? condition(on: t, schema: s, values: false) : nil)
        if pg, rng.chance(0.15), let inc = t.columns.filter({ c in !keys.contains { $0.column == c.name } && c.type.isOrdered }).randomElement(using: &rng) {
            i.include = [inc.name]
        }
        if pg, rng.chance(0.1) { i.fillfactor = rng.pick([70, 90]) }
        return i
    }

    mutating func key(_ c: PairColumn, in s: PairSchema) -> PairIndexKey {
        var k = PairIndexKey(column: c.name)
        if rng.chance(0.15) {
            if c.type == .text || c.type == .varchar(20) { k.expression = .lower }
            if c.type.isInteger { k.expression = .plusOne }
        }
        if rng.chance(0.25) { k.descending = true }
        if pg, rng.chance(0.15) { k.nulls = rng.pick(["FIRST", "LAST"]) }
        if k.expression == nil, c.type.isText, c.type != .citext, rng.chance(0.2) {
            if pg, rng.chance(0.5), c.type == .text || c.type == .varchar(20) || c.type == .varchar(255) {
                k.opclass = c.type == .text ? "text_pattern_ops" : "varchar_pattern_ops"
            } else {
                k.collation = pg ? rng.pick(["C", "POSIX"]) : rng.pick(["NOCASE", "RTRIM"])
            }
        }
        return k
    }

    /// A foreign key between two tables of `s` (or a table and itself), with new columns to hold it.
    mutating func foreignKey(in s: PairSchema) -> (table: String, key: PairForeignKey, columns: [PairColumn])? {
        let parents = s.tables.filter { $0.partition == nil }
        guard let parent = parents.randomElement(using: &rng) else { return nil }
        var targets: [[String]] = []
        if !parent.primaryKey.isEmpty { targets.append(parent.primaryKey) }
        targets += parent.uniques.filter { !$0.deferrable && !$0.nullsNotDistinct }.map(\.columns)
        guard let target = targets.randomElement(using: &rng) else { return nil }
        let child = rng.chance(0.15) ? parent : rng.pick(parents)
        var used = s.usedNames
        var columns: [PairColumn] = []
        let nullable = child.name == parent.name || rng.chance(0.6)
        for r in target {
            let pc = parent.column(r)!
            let c = PairColumn(name: name("ref", avoiding: used), type: pc.type, nullable: nullable)
            used.insert(c.name)
            columns.append(c)
        }
        let actions = ["CASCADE", "RESTRICT", "NO ACTION"] + (nullable ? ["SET NULL", "SET DEFAULT"] : [])
        let fk = PairForeignKey(
            name: name("fk", avoiding: used), columns: columns.map(\.name), table: parent.name, referenced: target,
            onDelete: rng.chance(0.4) ? rng.pick(actions) : nil, onUpdate: rng.chance(0.2) ? rng.pick(actions) : nil,
            deferrable: rng.chance(0.2) ? rng.int(1...2) : 0)
        return (child.name, fk, columns)
    }

    mutating func view(in s: PairSchema) -> PairView? {
        if rng.chance(0.2), let base = s.views.filter({ !$0.materialized }).randomElement(using: &rng) {
            let cols = Array(base.columns.shuffled(using: &rng).prefix(rng.int(1...base.columns.count)))
            return PairView(name: name("v", avoiding: s.usedNames), source: base.name, overView: true, columns: cols)
        }
        guard let t = s.tables.filter({ $0.partition == nil }).randomElement(using: &rng) else { return nil }
        let usable = t.columns.filter { $0.type.isOrdered }
        guard !usable.isEmpty else { return nil }
        let cols = Array(usable.shuffled(using: &rng).prefix(rng.int(1...min(3, usable.count)))).map(\.name)
        var v = PairView(name: name("v", avoiding: s.usedNames), source: t.name, columns: cols)
        if rng.chance(0.3), let f = condition(on: t, schema: s, values: false), cols.contains(f.column) || true { v.filter = f }
        if pg, rng.chance(0.2) { v.materialized = true }
        return v
    }

    mutating func trigger(in s: inout PairSchema) -> PairTrigger? {
        guard let t = s.tables.filter({ $0.partition == nil }).randomElement(using: &rng) else { return nil }
        var function: String?
        if pg {
            if let f = s.functions.first(where: { if case .trigger = $0.kind { return true }; return false }) {
                function = f.name
            } else {
                let f = PairFunction(name: name("trg_fn", avoiding: s.usedNames), kind: .trigger(variant: rng.int(0...1)))
                s.functions.append(f)
                function = f.name
            }
        }
        var events = pg ? Array(["INSERT", "UPDATE", "DELETE"].shuffled(using: &rng).prefix(rng.int(1...2))) : [rng.pick(["INSERT", "UPDATE", "DELETE"])]
        var when: PairCondition?
        if rng.chance(0.3), let c = condition(on: t, schema: s, values: false) {
            if events.contains("INSERT"), events.contains("DELETE") { events = ["INSERT"] }
            when = c
        }
        var updateOf: [String] = []
        if events.contains("UPDATE"), rng.chance(0.3), let c = t.columns.filter({ $0.generated == nil }).randomElement(using: &rng) { updateOf = [c.name] }
        let triggerName = name("tr", avoiding: s.usedNames), before = rng.chance(0.5)
        // PostgreSQL: a BEFORE trigger's condition cannot read NEW's generated columns (not computed yet).
        if before, let w = when, t.column(w.column)?.generated != nil { when = nil }
        return PairTrigger(name: triggerName, table: t.name, before: before, events: events.sorted { ["INSERT", "UPDATE", "DELETE"].firstIndex(of: $0)! < ["INSERT", "UPDATE", "DELETE"].firstIndex(of: $1)! },
                           updateOf: updateOf, function: function, when: when)
    }

    mutating func policy(in s: PairSchema) -> PairPolicy? {
        guard let t = s.tables.filter({ $0.partition == nil }).randomElement(using: &rng), let c = condition(on: t, schema: s, values: false) else { return nil }
        return PairPolicy(name: name("pol", avoiding: s.usedNames), table: t.name, command: rng.pick(["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"]),
                          condition: c, permissive: rng.chance(0.8))
    }
}

/// Judgements shared by the generator and the mutator.
enum PairRules {
    /// True when every value the column can hold (its rows' values and its default) passes the condition.
    static func holds(_ c: PairCondition, on column: PairColumn, in s: PairSchema) -> Bool {
        var type = column.type
        if case .domain(let d) = type { type = s.domains.first { $0.name == d }?.base ?? .integer }
        if c.kind == .notNull { return !column.nullable }
        if type.isText {
            var values = (1...3).map(String.init)
            if let t = column.defaultValue?.text { values.append(t) } else if column.defaultValue != nil { return false }
            return values.allSatisfy { v in
                switch c.kind {
                case .nonEmpty, .positive, .notBlank: return !v.isEmpty
                case .inList: return ["1", "2", "3", "4", "5", "6"].contains(v)
                case .notNull, .bounded, .between, .function: return true
                }
            }
        }
        var values = (1...3).map(Double.init)
        if let n = column.defaultValue?.number { values.append(n) } else if column.defaultValue != nil { return false }
        if let g = column.generated { values = values.map { g.kind == .plusOne ? $0 + 1 : $0 * 2 } }
        var addend = 0.0
        if let f = s.functions.first(where: { $0.name == c.function }), case .scalar(let a) = f.kind { addend = Double(a) }
        return values.allSatisfy { v in
            switch c.kind {
            case .positive: return v > 0
            case .bounded: return v < 1_000_000
            case .between: return v >= 0 && v <= 1_000_000
            case .inList: return [1, 2, 3, 4, 5, 6].contains(v)
            case .function: return v + addend > 0
            case .notNull, .nonEmpty, .notBlank: return true
            }
        }
    }
}
