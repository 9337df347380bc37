import Retort

/// Draws changes that turn one schema into another: any mix, renames with hints among them, and
/// type changes PostgreSQL has no cast for (Retort must refuse those, as documented).
struct PairMutator {
    var gen: PairGenerator
    var pg: Bool { gen.pg }

    /// Type changes worth drawing from a type; `noCast` are ones PostgreSQL cannot convert.
    func typeTargets(_ t: PairType, key: Bool) -> (cast: [PairType], noCast: [PairType]) {
        var cast: [PairType], noCast: [PairType] = []
        switch t {
        case .smallint, .integer, .bigint:
            cast = [.smallint, .integer, .bigint, .numeric(12, 2), .text, .varchar(20), .real, .double]
            if !key, t == .integer { cast.append(.boolean) }
            noCast = [.date, .uuid, .timestamp]
        case .real, .double, .numeric:
            cast = [.integer, .bigint, .numeric(12, 4), .double, .text]
            noCast = [.date, .boolean]
        case .text, .varchar, .char:
            cast = [.text, .varchar(8), .varchar(20), .varchar(255), .char(8), .integer]
            if !key { cast.append(.bigint) }
        case .boolean: cast = [.integer, .text]; noCast = [.date, .numeric(10, 2)]
        case .date: cast = [.timestamp, .timestamptz, .text]; noCast = [.integer]
        case .timestamp: cast = [.date, .timestamptz, .text]; noCast = [.integer, .boolean]
        case .timestamptz: cast = [.timestamp, .date]
        case .json: cast = [.jsonb, .text]
        case .jsonb: cast = [.json, .text]; noCast = [.integer]
        case .uuid: cast = [.text, .varchar(255)]; noCast = [.integer, .bytea]
        case .bytea: cast = [.text]; noCast = [.integer]
        case .time, .interval, .inet, .intArray, .textArray: cast = [.text]
        case .enumeration: cast = [.text]; noCast = [.integer]
        case .domain, .citext, .hstore: cast = [.text]
        }
        if !pg {
            cast = (cast + noCast).filter { [.smallint, .integer, .bigint, .real, .double, .numeric(10, 2), .numeric(12, 2), .numeric(12, 4), .text,
                                              .varchar(8), .varchar(20), .varchar(255), .char(8), .boolean, .date, .timestamp, .uuid, .json, .bytea].contains($0) }
            noCast = []
        }
        if key { cast = cast.filter { $0.isDistinct && $0.isOrdered && $0 != .real && $0 != .double } }
        return (cast.filter { $0 != t }, noCast)
    }

    mutating func draw(_ s: PairSchema) -> PairMutation? {
        let tables = s.tables.filter { $0.partition == nil }
        let anyTable = s.tables.randomElement(using: &gen.rng)
        let plain = tables.randomElement(using: &gen.rng)
        func column(_ t: PairTable?, _ filter: (PairColumn) -> Bool = { _ in true }) -> PairColumn? {
            t?.columns.filter { $0.name != t?.partition?.column && filter($0) }.randomElement(using: &gen.rng)
        }
        var kinds: [(PairFeature, Int)] = [
            (.addTable, 6), (.dropTable, 4), (.renameTable, 5), (.addColumn, 12), (.dropColumn, 8), (.renameColumn, 8), (.changeType, 10),
            (.setNotNull, 5), (.dropNotNull, 4), (.setDefault, 6), (.dropDefault, 3), (.changeCollation, 3), (.changeGenerated, 3),
            (.changePrimaryKey, 3), (.addIndex, 7), (.dropIndex, 4), (.changeIndex, 4), (.addUnique, 4), (.dropUnique, 3),
            (.addForeignKey, 6), (.dropForeignKey, 3), (.changeForeignKey, 3), (.addCheck, 5), (.dropCheck, 3), (.changeCheck, 3),
            (.addView, 4), (.dropView, 3), (.changeView, 4), (.addTrigger, 3), (.dropTrigger, 2), (.changeTrigger, 3),
        ]
        if pg {
            kinds += [(.changeComment, 3), (.changeIdentity, 4), (.addEnumValue, 4), (.renameEnumValue, 3), (.changeFunction, 3),
                      (.addPolicy, 3), (.dropPolicy, 2), (.changePolicy, 2), (.toggleRowLevelSecurity, 2), (.addPartition, 3),
                      (.dropPartition, 2), (.addExtension, 1), (.changeTypeWithoutCast, 2)]
        }
        let total = kinds.reduce(0) { $0 + $1.1 }
        var roll = gen.rng.int(0...(total - 1))
        var kind = kinds[0].0
        for (k, w) in kinds {
            if roll < w { kind = k; break }
            roll -= w
        }
        let used = s.usedNames
        switch kind {
        case .addTable:
            return .addTable(gen.table(in: s))
        case .dropTable:
            return anyTable.map { .dropTable($0.name) }
        case .renameTable:
            return plain.map { .renameTable($0.name, to: gen.name("t", avoiding: used)) }
        case .addColumn:
            guard let t = plain else { return nil }
            var c = gen.column(in: s, table: t, avoiding: used)
            var backfill = false
            if !c.nullable, c.defaultValue == nil, c.generated == nil, s.rows > 0 {
                if case .domain = c.type { c.nullable = true } else { backfill = true }
            }
            return .addColumn(table: t.name, c, backfill: backfill)
        case .dropColumn:
            guard let t = anyTable, pg || t.columns.count > 1, let c = column(t, { c in t.partition == nil || !t.primaryKey.contains(c.name) }) else { return nil }
            // SQLite has no table without columns (a generated column goes with its source).
            guard pg || t.columns.contains(where: { $0.name != c.name && $0.generated?.source != c.name }) else { return nil }
            return .dropColumn(table: t.name, c.name)
        case .renameColumn:
            guard let t = plain, let c = column(t) else { return nil }
            return .renameColumn(table: t.name, c.name, to: gen.name("c", avoiding: used))
        case .changeType, .changeTypeWithoutCast:
            guard let t = plain, let c = column(t, { $0.generated == nil && $0.auto == nil }) else { return nil }
            let key = t.primaryKey.contains(c.name) || t.uniques.contains { $0.columns.contains(c.name) }
                || t.indexes.contains { $0.unique && $0.keys.contains { $0.column == c.name } } || s.linkedColumns(t.name, c.name).count > 1
            let targets = typeTargets(c.type, key: key)
            let pool = kind == .changeTypeWithoutCast ? targets.noCast : targets.cast
            guard let to = pool.randomElement(using: &gen.rng) else { return nil }
            return .changeType(table: t.name, c.name, to: to, withoutCast: kind == .changeTypeWithoutCast)
        case .setNotNull:
            guard let t = plain, let c = column(t, { $0.nullable && $0.generated == nil }) else { return nil }
            return .setNullable(table: t.name, c.name, false)
        case .dropNotNull:
            guard let t = plain, let c = column(t, { !$0.nullable && !t.primaryKey.contains($0.name) && $0.auto == nil }) else { return nil }
            if case .domain = c.type { return nil }
            return .setNullable(table: t.name, c.name, true)
        case .setDefault:
            // Not on a foreign key's columns: a default no parent row holds would fail the key.
            guard let t = plain, let c = column(t, { c in c.generated == nil && c.auto == nil && !t.foreignKeys.contains { $0.columns.contains(c.name) } })
            else { return nil }
            guard let d = gen.defaultValue(for: c.type, in: s) else { return nil }
            var probe = c
            probe.defaultValue = d
            guard t.checks.allSatisfy({ $0.condition.column != c.name || PairRules.holds($0.condition, on: probe, in: s) }) else { return nil }
            return .setDefault(table: t.name, c.name, d)
        case .dropDefault:
            guard let t = plain, let c = column(t, { $0.defaultValue != nil }) else { return nil }
            return .setDefault(table: t.name, c.name, nil)
        case .changeCollation:
            guard let t = plain, let c = column(t, { $0.type.isText && $0.type != .citext }) else { return nil }
            let options: [String?] = pg ? [nil, "C", "POSIX"] : [nil, "NOCASE", "RTRIM", "BINARY"]
            let next = options.filter { $0 != c.collation }.randomElement(using: &gen.rng)!
            return .setCollation(table: t.name, c.name, next)
        case .changeComment:
            guard let t = plain else { return nil }
            let text: String? = gen.rng.chance(0.3) ? nil : gen.rng.pick(["changed", "new comment", "it's"])
            if gen.rng.chance(0.5), let c = column(t) { return .setComment(table: t.name, column: c.name, text) }
            return .setComment(table: t.name, column: nil, text)
        case .changeIdentity:
            guard let t = plain, let c = column(t, { $0.type.isInteger && $0.generated == nil }) else { return nil }
            let next: PairAuto? = switch gen.rng.int(0...3) {
            case 0: nil
            case 1: .serial
            default: .identity(always: gen.rng.chance(0.5), options: gen.identityOptions())
            }
            guard next != c.auto else { return nil }
            return .setAuto(table: t.name, c.name, next)
        case .changeGenerated:
            guard let t = plain else { return nil }
            if let c = column(t, { $0.generated != nil }), gen.rng.chance(0.5) {
                if gen.rng.chance(0.5) { return .setGenerated(table: t.name, c.name, nil) }
                var g = c.generated!
                if g.kind != .lower { g.kind = g.kind == .plusOne ? .doubled : .plusOne } else { g.stored.toggle() }
                if pg { g.stored = true }
                return .setGenerated(table: t.name, c.name, g)
            }
            guard let c = column(t, { $0.generated == nil && $0.auto == nil && ($0.type.isNumber || $0.type == .text) && !t.primaryKey.contains($0.name) }),
                  let src = column(t, { $0.name != c.name && $0.generated == nil && ($0.type == .text ? c.type == .text : $0.type.isNumber && c.type.isNumber) })
            else { return nil }
            if t.foreignKeys.contains(where: { $0.columns.contains(c.name) }) || s.linkedColumns(t.name, c.name).count > 1 { return nil }
            return .setGenerated(table: t.name, c.name, PairGenerated(source: src.name, kind: c.type == .text ? .lower : .plusOne, stored: pg || gen.rng.chance(0.5)))
        case .changePrimaryKey:
            guard let t = plain else { return nil }
            if !t.primaryKey.isEmpty, gen.rng.chance(0.3) { return .setPrimaryKey(table: t.name, []) }
            guard let c = gen.keyable(t).filter({ !t.primaryKey.contains($0.name) }).randomElement(using: &gen.rng) else { return nil }
            return .setPrimaryKey(table: t.name, [c.name])
        case .addIndex:
            guard let t = anyTable, var i = gen.index(in: t, schema: s, avoiding: used) else { return nil }
            if t.partition != nil { i.unique = false; i.include = []; i.predicate = nil }
            return .addIndex(table: t.name, i)
        case .dropIndex:
            guard let t = anyTable, let i = t.indexes.randomElement(using: &gen.rng) else { return nil }
            return .dropIndex(table: t.name, i.name)
        case .changeIndex:
            guard let t = plain, var i = t.indexes.randomElement(using: &gen.rng) else { return nil }
            switch gen.rng.int(0...2) {
            case 0:
                guard i.method == nil else { return nil }  // only btree keys have an order
                i.keys[0].descending.toggle()
            case 1: i.predicate = i.predicate == nil ? gen.condition(on: t, schema: s, values: false) : nil
            default:
                guard let other = gen.index(in: t, schema: s, avoiding: used) else { return nil }
                i = PairIndex(name: i.name, unique: other.unique, keys: other.keys, predicate: other.predicate, include: other.include, method: other.method, fillfactor: other.fillfactor)
            }
            return .replaceIndex(table: t.name, i)
        case .addUnique:
            guard let t = plain, let u = gen.unique(in: t, avoiding: used) else { return nil }
            return .addUnique(table: t.name, u)
        case .dropUnique:
            guard let t = plain, let u = t.uniques.randomElement(using: &gen.rng) else { return nil }
            return .dropUnique(table: t.name, u.name)
        case .addForeignKey:
            guard let fk = gen.foreignKey(in: s) else { return nil }
            return .addForeignKey(table: fk.table, fk.key, newColumns: fk.columns)
        case .dropForeignKey:
            guard let t = plain, let fk = t.foreignKeys.randomElement(using: &gen.rng) else { return nil }
            return .dropForeignKey(table: t.name, fk.name)
        case .changeForeignKey:
            guard let t = plain, var fk = t.foreignKeys.randomElement(using: &gen.rng) else { return nil }
            let nullable = fk.columns.allSatisfy { t.column($0)?.nullable == true }
            let actions: [String?] = [nil, "CASCADE", "RESTRICT"] + (nullable ? ["SET NULL"] : [])
            switch gen.rng.int(0...2) {
            case 0: fk.onDelete = actions.filter { $0 != fk.onDelete }.randomElement(using: &gen.rng)!
            case 1: fk.onUpdate = actions.filter { $0 != fk.onUpdate }.randomElement(using: &gen.rng)!
            default: fk.deferrable = (fk.deferrable + 1) % 3
            }
            return .replaceForeignKey(table: t.name, fk)
        case .addCheck:
            guard let t = anyTable, let c = gen.check(in: t, schema: s, avoiding: used, converted: true) else { return nil }
            return .addCheck(table: t.name, c)
        case .dropCheck:
            guard let t = anyTable, let c = t.checks.randomElement(using: &gen.rng) else { return nil }
            return .dropCheck(table: t.name, c.name)
        case .changeCheck:
            guard let t = anyTable, let c = t.checks.randomElement(using: &gen.rng), let cond = gen.condition(on: t, schema: s, converted: true) else { return nil }
            return .replaceCheck(table: t.name, PairCheck(name: c.name, condition: cond))
        case .addEnumValue:
            guard let e = s.enums.randomElement(using: &gen.rng) else { return nil }
            let label = gen.rng.pick(["new", "x", "late", "Zed", "it''s"]).replacingOccurrences(of: "''", with: "'")
            return .addEnumValue(e.name, label, at: gen.rng.int(0...e.labels.count))
        case .renameEnumValue:
            guard let e = s.enums.randomElement(using: &gen.rng), let old = e.labels.randomElement(using: &gen.rng) else { return nil }
            return .renameEnumValue(e.name, old, to: old + "_renamed")
        case .addView:
            return gen.view(in: s).map(PairMutation.addView)
        case .dropView:
            return s.views.randomElement(using: &gen.rng).map { .dropView($0.name) }
        case .changeView:
            guard let v = s.views.randomElement(using: &gen.rng), var next = gen.view(in: s) else { return nil }
            next.name = v.name
            if s.views.contains(where: { $0.overView && $0.source == v.name }) { next.columns = Array(Set(next.columns + v.columns)).sorted() }
            if next.overView, next.source == v.name { return nil }
            return .replaceView(next)
        case .addTrigger:
            var copy = s
            guard let tr = gen.trigger(in: &copy) else { return nil }
            if copy.functions != s.functions { return nil }
            return .addTrigger(tr)
        case .dropTrigger:
            return s.triggers.randomElement(using: &gen.rng).map { .dropTrigger($0.name) }
        case .changeTrigger:
            guard let tr = s.triggers.randomElement(using: &gen.rng) else { return nil }
            var copy = s
            guard var next = gen.trigger(in: &copy), copy.functions == s.functions else { return nil }
            next.name = tr.name
            return .replaceTrigger(next)
        case .changeFunction:
            guard var f = s.functions.randomElement(using: &gen.rng) else { return nil }
            switch f.kind {
            case .scalar(let a): f.kind = .scalar(addend: a == 1 ? 10 : 1)
            case .trigger(let v): f.kind = .trigger(variant: 1 - v)
            }
            return .replaceFunction(f)
        case .addPolicy:
            return gen.policy(in: s).map(PairMutation.addPolicy)
        case .dropPolicy:
            return s.policies.randomElement(using: &gen.rng).map { .dropPolicy($0.name) }
        case .changePolicy:
            guard let p = s.policies.randomElement(using: &gen.rng), let t = s.table(p.table), var next = gen.policy(in: s) else { return nil }
            next.name = p.name
            next.table = t.name
            guard let c = gen.condition(on: t, schema: s, values: false) else { return nil }
            next.condition = c
            return .replacePolicy(next)
        case .toggleRowLevelSecurity:
            return plain.map { .setRowLevelSecurity(table: $0.name, !$0.rowLevelSecurity) }
        case .addPartition:
            guard let t = s.tables.filter({ $0.partition != nil && $0.partition!.kind != .hash }).randomElement(using: &gen.rng) else { return nil }
            let p = t.partition!
            let bound: [Int] = p.kind == .range ? [(p.parts.map { $0.bound[1] }.max() ?? 0), (p.parts.map { $0.bound[1] }.max() ?? 0) + 100]
                : [(p.parts.flatMap(\.bound).max() ?? 0) + 1]
            return .addPartition(table: t.name, PairPartition(name: gen.name("\(t.name)_p", avoiding: used), bound: bound))
        case .dropPartition:
            guard let t = s.tables.filter({ ($0.partition?.parts.count ?? 0) > 1 && $0.partition!.kind != .hash }).randomElement(using: &gen.rng),
                  let p = t.partition!.parts.randomElement(using: &gen.rng) else { return nil }
            return .dropPartition(table: t.name, p.name)
        case .addExtension:
            return .addExtension(gen.rng.pick(["citext", "hstore"]))
        default:
            return nil
        }
    }
}
