import Retort

/// One change from schema A towards B, as data: it carries everything it needs, so a pair is
/// (A, [mutations]) and replays exactly after the shrinker removed parts of A (a mutation whose
/// target is gone does nothing).
enum PairMutation: Hashable, Codable, Sendable {
    case addTable(PairTable)
    case dropTable(String)
    case renameTable(String, to: String)
    case addColumn(table: String, PairColumn, backfill: Bool)
    case dropColumn(table: String, String)
    case renameColumn(table: String, String, to: String)
    case changeType(table: String, String, to: PairType, withoutCast: Bool)
    case setNullable(table: String, String, Bool)
    case setDefault(table: String, String, PairDefault?)
    case setCollation(table: String, String, String?)
    case setComment(table: String, column: String?, String?)
    case setAuto(table: String, String, PairAuto?)
    case setGenerated(table: String, String, PairGenerated?)
    case setPrimaryKey(table: String, [String])
    case addIndex(table: String, PairIndex)
    case dropIndex(table: String, String)
    case replaceIndex(table: String, PairIndex)
    case addUnique(table: String, PairUnique)
    case dropUnique(table: String, String)
    case addForeignKey(table: String, PairForeignKey, newColumns: [PairColumn])
    case dropForeignKey(table: String, String)
    case replaceForeignKey(table: String, PairForeignKey)
    case addCheck(table: String, PairCheck)
    case dropCheck(table: String, String)
    case replaceCheck(table: String, PairCheck)
    case addEnumValue(String, String, at: Int)
    case renameEnumValue(String, String, to: String)
    case addView(PairView)
    case dropView(String)
    case replaceView(PairView)
    case addTrigger(PairTrigger)
    case dropTrigger(String)
    case replaceTrigger(PairTrigger)
    case replaceFunction(PairFunction)
    case addPolicy(PairPolicy)
    case dropPolicy(String)
    case replacePolicy(PairPolicy)
    case setRowLevelSecurity(table: String, Bool)
    case addPartition(table: String, PairPartition)
    case dropPartition(table: String, String)
    case addExtension(String)

    var feature: PairFeature {
        switch self {
        case .addTable: .addTable
        case .dropTable: .dropTable
        case .renameTable: .renameTable
        case .addColumn: .addColumn
        case .dropColumn: .dropColumn
        case .renameColumn: .renameColumn
        case .changeType(_, _, _, let noCast): noCast ? .changeTypeWithoutCast : .changeType
        case .setNullable(_, _, let n): n ? .dropNotNull : .setNotNull
        case .setDefault(_, _, let d): d == nil ? .dropDefault : .setDefault
        case .setCollation: .changeCollation
        case .setComment: .changeComment
        case .setAuto: .changeIdentity
        case .setGenerated: .changeGenerated
        case .setPrimaryKey: .changePrimaryKey
        case .addIndex: .addIndex
        case .dropIndex: .dropIndex
        case .replaceIndex: .changeIndex
        case .addUnique: .addUnique
        case .dropUnique: .dropUnique
        case .addForeignKey: .addForeignKey
        case .dropForeignKey: .dropForeignKey
        case .replaceForeignKey: .changeForeignKey
        case .addCheck: .addCheck
        case .dropCheck: .dropCheck
        case .replaceCheck: .changeCheck
        case .addEnumValue: .addEnumValue
        case .renameEnumValue: .renameEnumValue
        case .addView: .addView
        case .dropView: .dropView
        case .replaceView: .changeView
        case .addTrigger: .addTrigger
        case .dropTrigger: .dropTrigger
        case .replaceTrigger: .changeTrigger
        case .replaceFunction: .changeFunction
        case .addPolicy: .addPolicy
        case .dropPolicy: .dropPolicy
        case .replacePolicy: .changePolicy
        case .setRowLevelSecurity: .toggleRowLevelSecurity
        case .addPartition: .addPartition
        case .dropPartition: .dropPartition
        case .addExtension: .addExtension
        }
    }

    /// The schema after this change, normalized; nil when what it changes is not there.
    func applied(to schema: PairSchema) -> PairSchema? {
        var s = schema
        func withTable(_ name: String, _ change: (inout PairTable) -> Bool) -> PairSchema? {
            guard let i = s.tableIndex(name) else { return nil }
            guard change(&s.tables[i]) else { return nil }
            return s.normalized()
        }
        func withColumn(_ table: String, _ column: String, _ change: (inout PairColumn) -> Void) -> PairSchema? {
            withTable(table) { t in
                guard let i = t.columnIndex(column) else { return false }
                change(&t.columns[i])
                return true
            }
        }
        switch self {
        case .addTable(let t):
            guard s.table(t.name) == nil else { return nil }
            s.tables.append(t)
            return s.normalized()
        case .dropTable(let name):
            guard let i = s.tableIndex(name) else { return nil }
            s.tables.remove(at: i)
            return s.normalized()
        case .renameTable(let old, let new):
            guard let i = s.tableIndex(old), s.table(new) == nil else { return nil }
            s.tables[i].name = new
            for ti in s.tables.indices {
                for fi in s.tables[ti].foreignKeys.indices where s.tables[ti].foreignKeys[fi].table == old { s.tables[ti].foreignKeys[fi].table = new }
            }
            for vi in s.views.indices where s.views[vi].source == old && !s.views[vi].overView { s.views[vi].source = new }
            for ti in s.triggers.indices where s.triggers[ti].table == old { s.triggers[ti].table = new }
            for pi in s.policies.indices where s.policies[pi].table == old { s.policies[pi].table = new }
            s.hints.tables[new] = s.hints.tables.removeValue(forKey: old) ?? old
            if let c = s.hints.columns.removeValue(forKey: old) { s.hints.columns[new] = c }
            if let b = s.hints.backfills.removeValue(forKey: old) { s.hints.backfills[new] = b }
            return s.normalized()
        case .addColumn(let table, let c, let backfill):
            guard s.table(table)?.column(c.name) == nil else { return nil }
            let result = withTable(table) { t in t.columns.append(c); return true }
            guard var r = result, backfill, r.table(table)?.column(c.name) != nil else { return result }
            r.hints.backfills[table, default: [:]][c.name] = c.type
            return r
        case .dropColumn(let table, let column):
            return withTable(table) { t in
                guard let i = t.columnIndex(column), t.partition?.column != column else { return false }
                t.columns.remove(at: i)
                return true
            }
        case .renameColumn(let table, let old, let new):
            guard let t = s.table(table), t.column(old) != nil, t.column(new) == nil else { return nil }
            s.renameColumn(table, old, new)
            var h = s.hints.columns[table] ?? [:]
            h[new] = h.removeValue(forKey: old) ?? old
            s.hints.columns[table] = h
            if let b = s.hints.backfills[table]?.removeValue(forKey: old) { s.hints.backfills[table]![new] = b }
            return s.normalized()
        case .changeType(let table, let column, let type, _):
            guard let t = s.table(table), let c = t.column(column), c.type != type, t.partition?.column != column else { return nil }
            // Columns a foreign key ties to this one take the new type with it.
            for (lt, lc) in s.linkedColumns(table, column) {
                guard let ti = s.tableIndex(lt), let ci = s.tables[ti].columnIndex(lc) else { continue }
                s.tables[ti].columns[ci].type = type
            }
            return s.normalized()
        case .setNullable(let table, let column, let nullable):
            guard let c = s.table(table)?.column(column), c.nullable != nullable, c.auto == nil else { return nil }
            if !nullable, c.generated == nil { s.hints.backfills[table, default: [:]][column] = c.type }
            return withColumn(table, column) { $0.nullable = nullable }
        case .setDefault(let table, let column, let d):
            guard s.table(table)?.column(column)?.defaultValue != d else { return nil }
            return withColumn(table, column) { $0.defaultValue = d }
        case .setCollation(let table, let column, let c):
            return withColumn(table, column) { $0.collation = c }
        case .setComment(let table, let column, let text):
            if let column { return withColumn(table, column) { $0.comment = text } }
            return withTable(table) { t in t.comment = text; return true }
        case .setAuto(let table, let column, let auto):
            if auto != nil, let c = s.table(table)?.column(column), c.nullable { s.hints.backfills[table, default: [:]][column] = c.type }
            return withColumn(table, column) { c in
                c.auto = auto
                if auto != nil { c.defaultValue = nil; c.nullable = false }
            }
        case .setGenerated(let table, let column, let g):
            let sourceNullable = g.flatMap { s.table(table)?.column($0.source)?.nullable } ?? false
            return withColumn(table, column) { c in
                c.generated = g
                c.auto = nil
                c.defaultValue = nil
                // Computed from a column that holds NULL (or virtual on SQLite): it holds NULL too.
                if sourceNullable || g?.stored == false { c.nullable = true }
            }
        case .setPrimaryKey(let table, let columns):
            // Key columns become NOT NULL: their NULL rows take row 0's value, as a team would say.
            for c in columns {
                if let col = s.table(table)?.column(c), col.nullable { s.hints.backfills[table, default: [:]][c] = col.type }
            }
            return withTable(table) { t in
                guard t.partition == nil, columns.allSatisfy({ t.column($0) != nil }) else { return false }
                t.primaryKey = columns
                if columns.isEmpty { t.primaryKeyName = nil }
                return true
            }
        case .addIndex(let table, let i):
            return withTable(table) { t in t.indexes.append(i); return true }
        case .dropIndex(let table, let name):
            return withTable(table) { t in t.indexes.dropping(name) }
        case .replaceIndex(let table, let i):
            return withTable(table) { t in t.indexes.replacing(i) }
        case .addUnique(let table, let u):
            return withTable(table) { t in t.uniques.append(u); return true }
        case .dropUnique(let table, let name):
            return withTable(table) { t in t.uniques.dropping(name) }
        case .addForeignKey(let table, let fk, let columns):
            guard var r = withTable(table, { t in
                guard columns.allSatisfy({ t.column($0.name) == nil }) else { return false }
                t.columns += columns
                t.foreignKeys.append(fk)
                return true
            }) else { return nil }
            // New NOT NULL columns take row 0's value, which the parent's row 0 holds.
            for c in columns where !c.nullable { r.hints.backfills[table, default: [:]][c.name] = c.type }
            return r
        case .dropForeignKey(let table, let name):
            return withTable(table) { t in t.foreignKeys.dropping(name) }
        case .replaceForeignKey(let table, let fk):
            return withTable(table) { t in t.foreignKeys.replacing(fk) }
        case .addCheck(let table, let c):
            return withTable(table) { t in t.checks.append(c); return true }
        case .dropCheck(let table, let name):
            return withTable(table) { t in t.checks.dropping(name) }
        case .replaceCheck(let table, let c):
            return withTable(table) { t in t.checks.replacing(c) }
        case .addEnumValue(let e, let label, let at):
            guard let i = s.enums.firstIndex(where: { $0.name == e }), !s.enums[i].labels.contains(label) else { return nil }
            s.enums[i].labels.insert(label, at: min(at, s.enums[i].labels.count))
            return s.normalized()
        case .renameEnumValue(let e, let old, let new):
            guard let i = s.enums.firstIndex(where: { $0.name == e }), let li = s.enums[i].labels.firstIndex(of: old), !s.enums[i].labels.contains(new) else { return nil }
            s.enums[i].labels[li] = new
            for ti in s.tables.indices {
                for ci in s.tables[ti].columns.indices {
                    guard var d = s.tables[ti].columns[ci].defaultValue, d.postgres == "\(PairSQL.literal(old))::\(PairSQL.id(e))" else { continue }
                    d.postgres = "\(PairSQL.literal(new))::\(PairSQL.id(e))"
                    d.sqlite = d.postgres
                    s.tables[ti].columns[ci].defaultValue = d
                }
            }
            var h = s.hints.enumValues[e] ?? [:]
            h[new] = h.removeValue(forKey: old) ?? old
            s.hints.enumValues[e] = h
            return s.normalized()
        case .addView(let v):
            return s.usedNames.contains(v.name) ? nil : s.changing(\.views) { $0.append(v); return true }
        case .dropView(let name):
            return s.changing(\.views) { $0.dropping(name) }
        case .replaceView(let v):
            return s.changing(\.views) { $0.replacing(v) }
        case .addTrigger(let tr):
            return s.table(tr.table) == nil || s.usedNames.contains(tr.name) ? nil : s.changing(\.triggers) { $0.append(tr); return true }
        case .dropTrigger(let name):
            return s.changing(\.triggers) { $0.dropping(name) }
        case .replaceTrigger(let tr):
            return s.changing(\.triggers) { $0.replacing(tr) }
        case .replaceFunction(let f):
            return s.changing(\.functions) { $0.replacing(f) }
        case .addPolicy(let p):
            return s.table(p.table) == nil || s.usedNames.contains(p.name) ? nil : s.changing(\.policies) { $0.append(p); return true }
        case .dropPolicy(let name):
            return s.changing(\.policies) { $0.dropping(name) }
        case .replacePolicy(let p):
            return s.changing(\.policies) { $0.replacing(p) }
        case .setRowLevelSecurity(let table, let on):
            return withTable(table) { t in
                guard t.rowLevelSecurity != on else { return false }
                t.rowLevelSecurity = on
                return true
            }
        case .addPartition(let table, let p):
            return withTable(table) { t in
                guard t.partition != nil else { return false }
                t.partition!.parts.append(p)
                return true
            }
        case .dropPartition(let table, let name):
            return withTable(table) { t in
                guard let parts = t.partition?.parts, parts.count > 1, parts.contains(where: { $0.name == name }) else { return false }
                t.partition!.parts.removeAll { $0.name == name }
                return true
            }
        case .addExtension(let e):
            guard !s.extensions.contains(e) else { return nil }
            s.extensions.append(e)
            return s
        }
    }
}

/// An element of a schema list found by its name (views, triggers, keys, checks …).
protocol PairNamed { var name: String { get } }
extension PairView: PairNamed {}
extension PairTrigger: PairNamed {}
extension PairPolicy: PairNamed {}
extension PairFunction: PairNamed {}
extension PairIndex: PairNamed {}
extension PairUnique: PairNamed {}
extension PairForeignKey: PairNamed {}
extension PairCheck: PairNamed {}

extension Array where Element: PairNamed {
    /// Removes the element named `name`; false when there is none.
    mutating func dropping(_ name: String) -> Bool {
        let before = count
        removeAll { $0.name == name }
        return count != before
    }

    /// Puts `element` where the one of its name is; false when there is none.
    mutating func replacing(_ element: Element) -> Bool {
        guard let i = firstIndex(where: { $0.name == element.name }) else { return false }
        self[i] = element
        return true
    }
}

extension PairSchema {
    /// The schema with one of its lists changed, normalized; nil when `change` found nothing to change.
    func changing<T>(_ list: WritableKeyPath<PairSchema, [T]>, _ change: (inout [T]) -> Bool) -> PairSchema? {
        var s = self
        return change(&s[keyPath: list]) ? s.normalized() : nil
    }
}

extension PairSchema {
    /// Every column tied to `table.column` by foreign keys (either way, transitively), itself included.
    func linkedColumns(_ table: String, _ column: String) -> [(String, String)] {
        var found: [(String, String)] = [(table, column)]
        var i = 0
        while i < found.count {
            let (t, c) = found[i]
            i += 1
            for child in tables {
                for fk in child.foreignKeys {
                    for (from, to) in zip(fk.columns, fk.referenced) {
                        var other: (String, String)?
                        if fk.table == t, to == c { other = (child.name, from) }
                        if child.name == t, from == c { other = (fk.table, to) }
                        if let o = other, !found.contains(where: { $0 == o }) { found.append(o) }
                    }
                }
            }
        }
        return found
    }

    /// Renames a column everywhere it is named: the table's keys, indexes, checks and generated
    /// columns, foreign keys that reference it, and the views (and views over them), triggers and
    /// policies that use it.
    mutating func renameColumn(_ table: String, _ old: String, _ new: String) {
        func r(_ n: String) -> String { n == old ? new : n }
        guard let ti = tableIndex(table) else { return }
        var t = tables[ti]
        for ci in t.columns.indices {
            if t.columns[ci].name == old { t.columns[ci].name = new }
            if t.columns[ci].generated?.source == old { t.columns[ci].generated!.source = new }
        }
        t.primaryKey = t.primaryKey.map(r)
        for i in t.uniques.indices { t.uniques[i].columns = t.uniques[i].columns.map(r) }
        for i in t.checks.indices { t.checks[i].condition.column = r(t.checks[i].condition.column) }
        for i in t.indexes.indices {
            for k in t.indexes[i].keys.indices { t.indexes[i].keys[k].column = r(t.indexes[i].keys[k].column) }
            t.indexes[i].include = t.indexes[i].include.map(r)
            if let p = t.indexes[i].predicate { t.indexes[i].predicate!.column = r(p.column) }
        }
        for i in t.foreignKeys.indices { t.foreignKeys[i].columns = t.foreignKeys[i].columns.map(r) }
        if let p = t.partition, p.column == old { t.partition!.column = new }
        tables[ti] = t
        for oi in tables.indices {
            for fi in tables[oi].foreignKeys.indices where tables[oi].foreignKeys[fi].table == table {
                tables[oi].foreignKeys[fi].referenced = tables[oi].foreignKeys[fi].referenced.map(r)
            }
        }
        var renamedSources: Set<String> = [table]
        for vi in views.indices where renamedSources.contains(views[vi].source) {
            if let f = views[vi].filter, views[vi].source == table { views[vi].filter!.column = r(f.column) }
            guard views[vi].columns.contains(old) else { continue }
            views[vi].columns = views[vi].columns.map(r)
            renamedSources.insert(views[vi].name)
        }
        for i in triggers.indices where triggers[i].table == table {
            triggers[i].updateOf = triggers[i].updateOf.map(r)
            if let w = triggers[i].when { triggers[i].when!.column = r(w.column) }
        }
        for i in policies.indices where policies[i].table == table { policies[i].condition.column = r(policies[i].condition.column) }
    }
}
