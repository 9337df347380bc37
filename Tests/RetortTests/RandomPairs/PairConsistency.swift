import Retort

/// Keeps a `PairSchema` one a database would accept after an element is removed, renamed or
/// retyped: what referred to something gone goes too (as a team editing its models would remove
/// it), repeated until nothing changes.
extension PairSchema {
    func normalized() -> PairSchema {
        var s = self
        while true {
            let before = s
            s.sweep()
            if s == before { return s }
        }
    }

    func baseType(_ t: PairType) -> PairType {
        if case .domain(let d) = t { return domains.first { $0.name == d }?.base ?? .integer }
        return t
    }

    func conditionValid(_ c: PairCondition, in t: PairTable) -> Bool {
        guard let col = t.column(c.column) else { return false }
        let type = baseType(col.type)
        switch c.kind {
        case .notNull: return true
        case .nonEmpty, .notBlank: return type.isText
        case .positive, .inList: return type.isText || type.isNumber
        case .bounded, .between: return type.isNumber
        case .function: return (type == .integer || type == .smallint) && functions.contains { $0.name == c.function }
        }
    }

    private mutating func sweep() {
        let enumNames = Set(enums.map(\.name)), domainNames = Set(domains.map(\.name))
        func typeExists(_ t: PairType) -> Bool {
            switch t {
            case .enumeration(let e): return enumNames.contains(e)
            case .domain(let d): return domainNames.contains(d)
            case .citext: return extensions.contains("citext")
            case .hstore: return extensions.contains("hstore")
            default: return true
            }
        }
        for ti in tables.indices {
            var t = tables[ti]
            t.columns.removeAll { !typeExists($0.type) }
            // Generated columns need their source, of a kind their expression fits.
            let typed = t
            t.columns.removeAll { c in
                guard let g = c.generated else { return false }
                guard let src = typed.column(g.source), src.generated == nil else { return true }
                return g.kind == .lower ? src.type != .text : !src.type.isNumber
            }
            for ci in t.columns.indices {
                var c = t.columns[ci]
                if c.collation != nil, !c.type.isText || c.type == .citext { c.collation = nil }
                if let d = c.defaultValue, !PairSchema.defaultFits(d, c.type) { c.defaultValue = nil }
                if case .sequence = c.defaultValue?.kind, !sequences.contains(where: { c.defaultValue!.postgres.contains(PairSQL.literal(PairSQL.id($0.name))) }) { c.defaultValue = nil }
                if case .function = c.defaultValue?.kind, !functions.contains(where: { c.defaultValue!.postgres.hasPrefix(PairSQL.id($0.name) + "(") }) { c.defaultValue = nil }
                if c.auto != nil, !c.type.isInteger { c.auto = nil }
                if c.auto != nil { c.defaultValue = nil; c.nullable = false; c.generated = nil }
                if c.generated != nil { c.defaultValue = nil }
                t.columns[ci] = c
            }
            let names = Set(t.columns.map(\.name))
            if !t.primaryKey.allSatisfy(names.contains) { t.primaryKey = []; t.primaryKeyName = nil }
            for k in t.primaryKey { if let i = t.columnIndex(k) { t.columns[i].nullable = false } }
            if let p = t.partition, !names.contains(p.column) { t.partition = nil }
            t.uniques.removeAll { !$0.columns.allSatisfy(names.contains) }
            let current = t
            t.checks.removeAll { !conditionValid($0.condition, in: current) }
            t.indexes.removeAll { i in
                i.keys.contains { k in
                    guard let c = current.column(k.column) else { return true }
                    switch k.expression {
                    case .lower?: if c.type != .text && c.type != .varchar(20) { return true }
                    case .plusOne?: if !c.type.isInteger { return true }
                    case nil: break
                    }
                    if k.opclass != nil, !(c.type == .text || c.type == .varchar(20) || c.type == .varchar(255)) { return true }
                    if k.opclass == "text_pattern_ops", c.type != .text { return true }
                    if k.opclass == "varchar_pattern_ops", c.type == .text { return true }
                    if k.collation != nil, !c.type.isText || c.type == .citext { return true }
                    switch i.method {
                    case "gin"?: return ![.jsonb, .intArray, .textArray, .hstore].contains(c.type)
                    case "brin"?: return !(c.type.isInteger || c.type == .date || c.type == .timestamp)
                    default: return !c.type.isOrdered
                    }
                } || !i.include.allSatisfy(names.contains) || (i.predicate.map { !conditionValid($0, in: current) } ?? false)
            }
            tables[ti] = t
        }
        // Foreign keys: to a key of an existing table, with the same column types.
        for ti in tables.indices {
            let t = tables[ti]
            let keys = tables[ti].foreignKeys.filter { fk in !dangling(fk) }
            tables[ti].foreignKeys = keys
            func dangling(_ fk: PairForeignKey) -> Bool {
                guard let parent = table(fk.table), parent.partition == nil, t.partition == nil,
                      fk.columns.allSatisfy({ t.column($0) != nil }), fk.columns.count == fk.referenced.count else { return true }
                let isKey = parent.primaryKey == fk.referenced
                    || parent.uniques.contains { $0.columns == fk.referenced && !$0.deferrable && !$0.nullsNotDistinct }
                guard isKey else { return true }
                return zip(fk.columns, fk.referenced).contains { t.column($0)?.type != parent.column($1)?.type }
            }
            for fi in tables[ti].foreignKeys.indices {
                let fk = tables[ti].foreignKeys[fi]
                let nullable = fk.columns.allSatisfy { t.column($0)?.nullable == true }
                if !nullable, ["SET NULL", "SET DEFAULT"].contains(fk.onDelete ?? "") { tables[ti].foreignKeys[fi].onDelete = nil }
                if !nullable, ["SET NULL", "SET DEFAULT"].contains(fk.onUpdate ?? "") { tables[ti].foreignKeys[fi].onUpdate = nil }
            }
        }
        // Views: their source and columns.
        var outputs: [String: [String: PairType]] = [:]
        for t in tables { outputs[t.name] = Dictionary(t.columns.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a }) }
        var kept: [PairView] = []
        for var v in views {
            guard let source = outputs[v.source], (v.overView ? kept.contains { $0.name == v.source } : table(v.source) != nil) else { continue }
            v.columns = v.columns.filter { source[$0].map { $0.isOrdered } ?? false }
            if let f = v.filter, let t = table(v.source), !conditionValid(f, in: t) { v.filter = nil }
            if v.overView { v.filter = nil }
            guard !v.columns.isEmpty else { continue }
            kept.append(v)
            outputs[v.name] = Dictionary(v.columns.map { ($0, source[$0]!) }, uniquingKeysWith: { a, _ in a })
        }
        views = kept
        triggers = triggers.compactMap { tr in
            guard let t = table(tr.table), t.partition == nil else { return nil }
            var tr = tr
            tr.updateOf = tr.updateOf.filter { t.column($0) != nil }
            if let w = tr.when, !conditionValid(w, in: t) { tr.when = nil }
            // PostgreSQL: a BEFORE trigger's condition cannot read NEW's generated columns (not computed yet).
            if tr.before, let w = tr.when, t.column(w.column)?.generated != nil { tr.when = nil }
            if let f = tr.function, !functions.contains(where: { $0.name == f }) { return nil }
            return tr
        }
        let policies = self.policies.filter { p in table(p.table).map { conditionValid(p.condition, in: $0) } ?? false }
        self.policies = policies
        // A sequence nothing uses is not Retort's (its introspector reads the ones a column owns
        // or a default uses): one no default uses any more goes from the models with its last user.
        let usedSequences = sequences.filter { seq in
            tables.contains { t in t.columns.contains { $0.defaultValue?.postgres.contains(PairSQL.literal(PairSQL.id(seq.name))) == true } }
        }
        sequences = usedSequences
        // Tables still using a type, or a function, keep it (the generator never drops those in use).
    }

    /// True when a default drawn for some type still suits a column of type `t`.
    static func defaultFits(_ d: PairDefault, _ t: PairType) -> Bool {
        let p = d.postgres
        switch t {
        case .smallint, .integer, .bigint:
            return d.number != nil && d.number == d.number!.rounded() && !p.contains("::numeric")
        case .real, .double, .numeric: return d.number != nil && !p.contains("::integer") && d.kind != .sequence && d.kind != .function
        case .text, .varchar, .char, .citext: return d.text != nil && (!p.contains("::text") || t == .text)
        case .boolean: return ["true", "false"].contains(p)
        case .date: return p == "'2020-01-01'::date" || p == "CURRENT_DATE"
        case .timestamp: return p == "CURRENT_TIMESTAMP" || p == "now()" || p.hasSuffix("::timestamp")
        case .timestamptz: return p == "CURRENT_TIMESTAMP" || p == "now()" || p.hasSuffix("::timestamptz")
        case .uuid: return p == "gen_random_uuid()"
        case .json: return p == "'{}'::json"
        case .jsonb: return p == "'{}'::jsonb"
        case .interval: return p.hasSuffix("::interval")
        case .time: return p.hasSuffix("::time")
        case .inet: return p.hasSuffix("::inet")
        case .intArray: return p.hasSuffix("::integer[]")
        case .textArray: return p.hasSuffix("::text[]")
        case .bytea: return p.hasSuffix("::bytea") || p == "X'00'"
        case .enumeration(let e): return p.hasSuffix("::" + PairSQL.id(e))
        case .domain: return false
        case .hstore: return p.hasSuffix("::hstore")
        }
    }
}
