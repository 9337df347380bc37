/// Writes schema values and operations as Swift source that rebuilds them.
enum SwiftLiteral {
    static func string(_ s: String) -> String { "\"" + escaped(s) + "\"" }

    /// The contents of a string literal: quotes, backslashes and every character Swift's lexer
    /// refuses or that breaks a line (controls, DEL, C1 controls, line and paragraph separators)
    /// escaped.
    static func escaped(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(ch) { out += "\\u{\(String(ch.value, radix: 16))}" } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// Text for a `//` comment: one line, whatever it holds (a path or message with a newline
    /// cannot end the comment and start code), escaped as in a string literal.
    static func comment(_ s: String) -> String { escaped(s) }

    private static func needsEscape(_ ch: Unicode.Scalar) -> Bool {
        ch.value < 0x20 || (0x7F...0x9F).contains(ch.value) || ch.value == 0x2028 || ch.value == 0x2029
    }

    /// A string that spans lines as a raw multi-line literal, its lines indented by `pad` (SQL
    /// reads better so); any other string as `string(_:)` writes it.
    static func text(_ s: String, pad: String) -> String {
        guard s.contains("\n"), !s.hasSuffix("\n"), !s.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\n" }) else {
            return string(s)
        }
        var hashes = "#"
        while s.contains("\"\"\"" + hashes) || s.contains("\\" + hashes) { hashes += "#" }
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
        return hashes + "\"\"\"\n" + lines.joined(separator: "\n") + "\n" + pad + "\"\"\"" + hashes
    }

    static func strings(_ list: [String]) -> String { "[" + list.map(string).joined(separator: ", ") + "]" }

    static func optional(_ s: String?) -> String { s.map(string) ?? "nil" }

    static func type(_ t: ColumnType) -> String {
        switch t {
        case .string(let n): return ".string(\(n))"
        case .decimal(let p, let s): return ".decimal(\(p), \(s))"
        case .timestamp(let tz): return tz ? ".timestamptz" : ".timestamp"
        case .enumeration(let name, let values): return ".enumeration(\(string(name)), \(strings(values)))"
        case .native(let s): return ".native(\(string(s)))"
        default: return "." + t.displayName
        }
    }

    static func defaultValue(_ d: DefaultValue) -> String {
        switch d {
        case .string(let s): return ".string(\(string(s)))"
        case .integer(let i): return ".integer(\(i))"
        case .number(let n): return ".number(\(string(n)))"
        case .boolean(let b): return ".boolean(\(b))"
        case .currentTimestamp: return ".currentTimestamp"
        case .currentDate: return ".currentDate"
        case .expression(let e): return ".expression(\(string(e)))"
        }
    }

    static func column(_ c: Column) -> String {
        var args = [string(c.name), type(c.type)]
        if c.nullable { args.append("nullable: true") }
        if let d = c.defaultValue { args.append("default: \(defaultValue(d))") }
        if c.autoincrement { args.append("autoincrement: true") }
        if let kind = c.autoincrementKind { args.append("autoincrementKind: \(autoincrementKind(kind))") }
        if let comment = c.comment { args.append("comment: \(string(comment))") }
        if !c.nativeTypes.isEmpty { args.append("nativeTypes: \(dialectMap(c.nativeTypes))") }
        if let g = c.generated { args.append("generated: \(generated(g))") }
        if !c.collations.isEmpty { args.append("collations: \(dialectMap(c.collations))") }
        return "Column(\(args.joined(separator: ", ")))"
    }

    /// `[.postgres: "…", .sqlite: "…"]`, keys in order.
    static func dialectMap(_ map: [DialectName: String]) -> String {
        "[" + map.sorted { $0.key < $1.key }.map { ".\($0.key.rawValue): \(string($0.value))" }.joined(separator: ", ") + "]"
    }

    /// `.stored("expression")` or `.virtual("expression")`.
    static func generated(_ g: GeneratedColumn) -> String { ".\(g.stored ? "stored" : "virtual")(\(string(g.expression)))" }

    static func autoincrementKind(_ k: AutoincrementKind) -> String {
        switch k {
        case .serial: return ".serial"
        case .identity(let kind, _, _, _, _, _, _):
            return ".identity(" + ([".\(kind.rawValue)"] + k.identityOptions.map { "\($0.name): \($0.value)" }).joined(separator: ", ") + ")"
        }
    }

    static func deferrable(_ d: Deferrable?) -> String { d.map { ", deferrable: .\($0.rawValue)" } ?? "" }

    static func name(_ n: String?) -> String { n.map { ", name: \(string($0))" } ?? "" }

    static func primaryKey(_ pk: PrimaryKey) -> String { "PrimaryKey(\(strings(pk.columns))\(name(pk.name))\(deferrable(pk.deferrable)))" }

    static func unique(_ u: UniqueConstraint) -> String {
        "UniqueConstraint(\(strings(u.columns))\(name(u.name))\(deferrable(u.deferrable))\(u.nullsNotDistinct ? ", nullsNotDistinct: true" : ""))"
    }

    static func foreignKey(_ fk: ForeignKey) -> String {
        var s = "ForeignKey(\(strings(fk.columns)), references: \(string(fk.referencedTable)), \(strings(fk.referencedColumns))"
        if fk.onDelete != .noAction { s += ", onDelete: .\(action(fk.onDelete))" }
        if fk.onUpdate != .noAction { s += ", onUpdate: .\(action(fk.onUpdate))" }
        s += name(fk.name) + deferrable(fk.deferrable)
        if fk.matchFull { s += ", matchFull: true" }
        if fk.notValid { s += ", notValid: true" }
        return s + ")"
    }

    static func action(_ a: ReferentialAction) -> String {
        switch a {
        case .noAction: return "noAction"
        case .restrict: return "restrict"
        case .cascade: return "cascade"
        case .setNull: return "setNull"
        case .setDefault: return "setDefault"
        }
    }

    static func check(_ c: CheckConstraint) -> String {
        "CheckConstraint(\(optional(c.name)), \(string(c.expression))\(c.noInherit ? ", noInherit: true" : "")\(c.notValid ? ", notValid: true" : ""))"
    }

    static func index(_ i: Index) -> String {
        var s = i.isColumnsOnly ? "Index(\(strings(i.columns))" : "Index(keys: [\(i.keys.map(indexKey).joined(separator: ", "))]"
        if i.unique { s += ", unique: true" }
        s += name(i.name)
        if let p = i.predicate { s += ", where: \(string(p))" }
        if let m = i.method { s += ", using: \(string(m))" }
        if !i.keyOptions.isEmpty { s += ", options: [\(i.keyOptions.map(keyOptions).joined(separator: ", "))]" }
        if !i.include.isEmpty { s += ", include: \(strings(i.include))" }
        if !i.storage.isEmpty {
            s += ", storage: [" + i.storage.sorted { $0.key < $1.key }.map { "\(string($0.key)): \(string($0.value))" }.joined(separator: ", ") + "]"
        }
        if i.nullsNotDistinct { s += ", nullsNotDistinct: true" }
        if let c = i.comment { s += ", comment: \(string(c))" }
        return s + ")"
    }

    static func keyOptions(_ o: IndexKeyOptions) -> String {
        var args: [String] = []
        if let c = o.opclass { args.append("opclass: \(string(c))") }
        if o.descending { args.append("descending: true") }
        if let n = o.nulls { args.append("nulls: .\(n == .first ? "first" : "last")") }
        if !o.collations.isEmpty { args.append("collations: \(dialectMap(o.collations))") }
        return "IndexKeyOptions(\(args.joined(separator: ", ")))"
    }

    static func enumType(_ e: EnumType) -> String { "EnumType(\(string(e.name)), \(strings(e.values)))" }

    static func sequence(_ s: DatabaseSequence) -> String {
        var args = [string(s.name), "type: \(type(s.type))", "start: \(s.start)", "increment: \(s.increment)",
                    "minValue: \(s.minValue)", "maxValue: \(s.maxValue)", "cache: \(s.cache)"]
        if s.cycle { args.append("cycle: true") }
        if let o = s.ownedBy { args.append("ownedBy: ColumnReference(\(string(o.table)), \(string(o.column)))") }
        return "DatabaseSequence(\(args.joined(separator: ", ")))"
    }

    static func indexKey(_ k: IndexKey) -> String {
        switch k {
        case .column(let c): return ".column(\(string(c)))"
        case .expression(let e): return ".expression(\(string(e)))"
        }
    }

    static func constraint(_ c: Constraint) -> String {
        switch c {
        case .primaryKey(let pk): return ".primaryKey(\(primaryKey(pk)))"
        case .unique(let u): return ".unique(\(unique(u)))"
        case .foreignKey(let fk): return ".foreignKey(\(foreignKey(fk)))"
        case .check(let ck): return ".check(\(check(ck)))"
        }
    }

    /// A table literal, one field a line, indented by `pad`.
    static func table(_ t: Table, pad: String) -> String {
        let inner = pad + "    "
        func list(_ label: String, _ items: [String]) -> String? {
            guard !items.isEmpty else { return nil }
            return "\(inner)\(label): [\n" + items.map { "\(inner)    \($0),\n" }.joined() + "\(inner)]"
        }
        let fields: [String?] = [
            "\(inner)name: \(string(t.name))",
            list("columns", t.columns.map(column)),
            t.primaryKey.map { "\(inner)primaryKey: \(primaryKey($0))" },
            list("uniqueConstraints", t.uniqueConstraints.map(unique)),
            list("foreignKeys", t.foreignKeys.map(foreignKey)),
            list("checks", t.checks.map(check)),
            list("indexes", t.indexes.map(index)),
            t.comment.map { "\(inner)comment: \(string($0))" },
            list("triggers", t.triggers.map(trigger)),
            t.sqlite.map { "\(inner)sqlite: \($0.literal)" },
            t.partitioning.map { "\(inner)partitioning: \(partitioning($0))" },
            t.rowLevelSecurity.map { "\(inner)rowLevelSecurity: \(rowLevelSecurity($0))" },
            list("policies", t.policies.map(policy)),
            list("exclusionConstraints", t.exclusionConstraints.map(exclusion)),
        ]
        return "Table(\n" + fields.compactMap { $0 }.joined(separator: ",\n") + "\n\(pad))"
    }

    static func raw(_ r: RawSQL) -> String {
        var args: [String] = []
        if let sql = r.sql { args.append(string(sql)) }
        if !r.perDialect.isEmpty {
            args.append("perDialect: [" + r.perDialect.sorted { $0.key < $1.key }.map { ".\($0.key.rawValue): \(string($0.value))" }.joined(separator: ", ") + "]")
        }
        if let reverse = r.reverse { args.append("reverse: \(raw(reverse))") }
        return "RawSQL(\(args.joined(separator: ", ")))"
    }

    /// An object beside the tables: `.view(View(…))`.
    static func object(_ o: SchemaObject, pad: String) -> String {
        switch o {
        case .view(let v): return ".view(\(view(v, pad: pad)))"
        case .domain(let d): return ".domain(\(domain(d)))"
        case .compositeType(let t): return ".compositeType(\(compositeType(t)))"
        case .function(let f): return ".function(\(function(f, pad: pad)))"
        case .aggregate(let a): return ".aggregate(\(aggregate(a)))"
        case .trigger(let table, let t): return ".trigger(table: \(string(table)), \(trigger(t)))"
        case .materializedView(let m): return ".materializedView(\(materializedView(m)))"
        case .partition(let table, let parent, let p): return ".partition(table: \(string(table)), parent: \(string(parent)), \(partition(p)))"
        case .policy(let table, let p): return ".policy(table: \(string(table)), \(policy(p)))"
        case .extension(let e): return ".extension(\(extensionLiteral(e)))"
        case .exclusion(let table, let x): return ".exclusion(table: \(string(table)), \(exclusion(x)))"
        }
    }

    /// `ExclusionConstraint("name", using: "gist", [.init("room", "="), .init(key: .expression("…"), "&&")], where: …)`.
    static func exclusion(_ x: ExclusionConstraint) -> String {
        let elements = x.elements.map { e -> String in
            if case .column(let c) = e.key { return ".init(\(string(c)), \(string(e.operator)))" }
            return ".init(key: \(indexKey(e.key)), \(string(e.operator)))"
        }
        var args = [string(x.name)]
        if x.method != "gist" { args.append("using: \(string(x.method))") }
        args.append("[\(elements.joined(separator: ", "))]")
        if let p = x.predicate { args.append("where: \(string(p))") }
        if let d = x.deferrable { args.append("deferrable: .\(d.rawValue)") }
        if let c = x.comment { args.append("comment: \(string(c))") }
        return "ExclusionConstraint(\(args.joined(separator: ", ")))"
    }

    /// `Extension("citext", schema: …, version: …)`.
    static func extensionLiteral(_ e: Extension) -> String {
        var args = [string(e.name)]
        if let s = e.schema { args.append("schema: \(string(s))") }
        if let v = e.version { args.append("version: \(string(v))") }
        return "Extension(\(args.joined(separator: ", ")))"
    }

    /// `RowLevelSecurity(enabled: true, forced: false)`.
    static func rowLevelSecurity(_ r: RowLevelSecurity) -> String { "RowLevelSecurity(enabled: \(r.enabled), forced: \(r.forced))" }

    /// `Policy("name", for: .select, permissive: false, to: […], using: …, withCheck: …, comment: …)`.
    static func policy(_ p: Policy) -> String {
        var args = [string(p.name)]
        if p.command != .all { args.append("for: .\(String(describing: p.command))") }
        if !p.permissive { args.append("permissive: false") }
        if !p.roles.isEmpty { args.append("to: \(strings(p.roles))") }
        if let u = p.using { args.append("using: \(string(u))") }
        if let w = p.withCheck { args.append("withCheck: \(string(w))") }
        if let c = p.comment { args.append("comment: \(string(c))") }
        return "Policy(\(args.joined(separator: ", ")))"
    }

    /// `Partitioning(.range, on: ["day"], partitions: […])`, or with `keys:` when one is an expression.
    static func partitioning(_ p: Partitioning) -> String {
        let strategy = ".\(String(describing: p.strategy))"
        let columns = p.keys.compactMap(\.column)
        var args = [columns.count == p.keys.count ? "\(strategy), on: \(strings(columns))" : "\(strategy), keys: [\(p.keys.map(indexKey).joined(separator: ", "))]"]
        if !p.partitions.isEmpty { args.append("partitions: [\(p.partitions.map(partition).joined(separator: ", "))]") }
        return "Partitioning(\(args.joined(separator: ", ")))"
    }

    /// `Partition("name", .range(from: […], to: […]), …)`.
    static func partition(_ p: Partition) -> String {
        let bound: String
        switch p.bound {
        case .range(let from, let to): bound = ".range(from: \(strings(from)), to: \(strings(to)))"
        case .list(let values): bound = ".list(\(strings(values)))"
        case .hash(let m, let r): bound = ".hash(modulus: \(m), remainder: \(r))"
        case .default: bound = ".default"
        }
        var args = [string(p.name), bound]
        if let sub = p.partitioning { args.append("partitioning: \(partitioning(sub))") }
        if !p.indexes.isEmpty { args.append("indexes: [\(p.indexes.map(index).joined(separator: ", "))]") }
        if let c = p.comment { args.append("comment: \(string(c))") }
        return "Partition(\(args.joined(separator: ", ")))"
    }

    /// `MaterializedView("name", "query", withData: false, indexes: […], comment: …)`.
    static func materializedView(_ m: MaterializedView) -> String {
        var args = [string(m.name), string(m.query)]
        if !m.withData { args.append("withData: false") }
        if !m.indexes.isEmpty { args.append("indexes: [\(m.indexes.map(index).joined(separator: ", "))]") }
        if let c = m.comment { args.append("comment: \(string(c))") }
        return "MaterializedView(\(args.joined(separator: ", ")))"
    }

    /// `Trigger("name", .before, [.update], …)`, or `Trigger(name: …, sql: …)` for one kept as written.
    static func trigger(_ t: Trigger) -> String {
        if let sql = t.sql, t == Trigger(name: t.name, sql: sql) { return "Trigger(name: \(string(t.name)), sql: \(string(sql)))" }
        var args = [string(t.name), ".\(t.timing.rawValue)", "[" + t.events.map { ".\($0.rawValue)" }.joined(separator: ", ") + "]"]
        if !t.updateOf.isEmpty { args.append("updateOf: \(strings(t.updateOf))") }
        if !t.forEachRow { args.append("forEachRow: false") }
        if let w = t.when { args.append("when: \(string(w))") }
        if let f = t.function { args.append("function: \(string(f))") }
        if !t.arguments.isEmpty { args.append("arguments: \(strings(t.arguments))") }
        if let b = t.body { args.append("body: \(string(b))") }
        if let o = t.oldTable { args.append("oldTable: \(string(o))") }
        if let n = t.newTable { args.append("newTable: \(string(n))") }
        if t.constraint { args.append("constraint: true") }
        if let d = t.deferrable { args.append("deferrable: .\(d.rawValue)") }
        if t.firing != .enabled { args.append("firing: .\(t.firing.rawValue)") }
        if let c = t.comment { args.append("comment: \(string(c))") }
        if let s = t.sql { args.append("sql: \(string(s))") }
        return "Trigger(\(args.joined(separator: ", ")))"
    }

    /// `Function("name", arguments: […], returns: …, language: …, body: …, …)`, one argument a line.
    static func function(_ f: Function, pad: String) -> String {
        let inner = pad + "    "
        var args = [inner + string(f.name)]
        if f.kind == .procedure { args.append(inner + "kind: .procedure") }
        if !f.arguments.isEmpty {
            let list = f.arguments.map { a in
                var parts = [optional(a.name), string(a.type)]
                if a.mode != .in { parts.append("mode: .\(a.mode.rawValue)") }
                if let d = a.defaultValue { parts.append("default: \(string(d))") }
                return ".init(\(parts.joined(separator: ", ")))"
            }
            args.append(inner + "arguments: [\(list.joined(separator: ", "))]")
        }
        if let r = f.returns { args.append(inner + "returns: \(string(r))") }
        args.append(inner + "language: \(string(f.language))")
        args.append(inner + "body: \(string(f.body))")
        if f.volatility != .volatile { args.append(inner + "volatility: .\(f.volatility.rawValue)") }
        if f.strict { args.append(inner + "strict: true") }
        if f.securityDefiner { args.append(inner + "securityDefiner: true") }
        if f.parallel != .unsafe { args.append(inner + "parallel: .\(f.parallel.rawValue)") }
        if f.leakproof { args.append(inner + "leakproof: true") }
        if !f.settings.isEmpty {
            args.append(inner + "settings: [" + f.settings.sorted { $0.key < $1.key }.map { "\(string($0.key)): \(string($0.value))" }.joined(separator: ", ") + "]")
        }
        if let c = f.comment { args.append(inner + "comment: \(string(c))") }
        return "Function(\n" + args.joined(separator: ",\n") + "\n\(pad))"
    }

    /// `Aggregate("name", ["type"], stateFunction: …, stateType: …, …)`.
    static func aggregate(_ a: Aggregate) -> String {
        var args = [string(a.name), "[" + a.arguments.map(string).joined(separator: ", ") + "]",
                    "stateFunction: \(string(a.stateFunction))", "stateType: \(string(a.stateType))"]
        if let f = a.finalFunction { args.append("finalFunction: \(string(f))") }
        if let i = a.initialCondition { args.append("initialCondition: \(string(i))") }
        if let c = a.comment { args.append("comment: \(string(c))") }
        return "Aggregate(\(args.joined(separator: ", ")))"
    }

    /// `CompositeType("name", [.init("a", "integer"), …], comment: …)`.
    static func compositeType(_ t: CompositeType) -> String {
        let attributes = t.attributes.map { ".init(\(string($0.name)), \(string($0.type)))" }.joined(separator: ", ")
        return "CompositeType(\(string(t.name)), [\(attributes)]\(t.comment.map { ", comment: \(string($0))" } ?? ""))"
    }

    /// `Domain("name", "type", default: …, notNull: true, checks: […], …)`.
    static func domain(_ d: Domain) -> String {
        var args = [string(d.name), string(d.type)]
        if let v = d.defaultValue { args.append("default: \(string(v))") }
        if d.notNull { args.append("notNull: true") }
        if !d.checks.isEmpty { args.append("checks: [\(d.checks.map { "CheckConstraint(\(optional($0.name)), \(string($0.expression)))" }.joined(separator: ", "))]") }
        if let c = d.collation { args.append("collation: \(string(c))") }
        if let c = d.comment { args.append("comment: \(string(c))") }
        return "Domain(\(args.joined(separator: ", ")))"
    }

    /// `View("name", "SELECT …", …)`, a query over several lines as a multi-line literal.
    static func view(_ v: View, pad: String) -> String {
        var args = [string(v.name)]
        if let q = v.query { args.append(text(q, pad: pad + "    ")) }
        if !v.perDialect.isEmpty {
            args.append("perDialect: [" + v.perDialect.sorted { $0.key < $1.key }
                .map { ".\($0.key.rawValue): \(text($0.value, pad: pad + "    "))" }.joined(separator: ", ") + "]")
        }
        if !v.columns.isEmpty { args.append("columns: \(strings(v.columns))") }
        if let option = v.checkOption { args.append("checkOption: .\(option.rawValue)") }
        if v.securityBarrier { args.append("securityBarrier: true") }
        if v.securityInvoker { args.append("securityInvoker: true") }
        if let comment = v.comment { args.append("comment: \(string(comment))") }
        return "View(\(args.joined(separator: ", ")))"
    }

    /// An operation literal, indented by `pad`; throws for Swift code, which has no literal form.
    static func operation(_ op: MigrationOperation, pad: String) throws -> String {
        switch op {
        case .createTable(let t): return ".createTable(\(table(t, pad: pad)))"
        case .dropTable(let t): return ".dropTable(\(table(t, pad: pad)))"
        case .addColumn(let t, let c): return ".addColumn(table: \(string(t)), column: \(column(c)))"
        case .dropColumn(let t, let c): return ".dropColumn(table: \(string(t)), column: \(column(c)))"
        case .alterColumn(let t, let from, let to):
            return ".alterColumn(\n\(pad)    table: \(string(t)),\n\(pad)    from: \(column(from)),\n\(pad)    to: \(column(to))\n\(pad))"
        case .createIndex(let t, let i): return ".createIndex(table: \(string(t)), index: \(index(i)))"
        case .dropIndex(let t, let i): return ".dropIndex(table: \(string(t)), index: \(index(i)))"
        case .createIndexConcurrently(let t, let i): return ".createIndexConcurrently(table: \(string(t)), index: \(index(i)))"
        case .dropIndexConcurrently(let t, let i): return ".dropIndexConcurrently(table: \(string(t)), index: \(index(i)))"
        case .addConstraint(let t, let c): return ".addConstraint(table: \(string(t)), constraint: \(constraint(c)))"
        case .dropConstraint(let t, let c): return ".dropConstraint(table: \(string(t)), constraint: \(constraint(c)))"
        case .setTableComment(let t, let from, let to):
            return ".setTableComment(table: \(string(t)), from: \(optional(from)), to: \(optional(to)))"
        case .setRowLevelSecurity(let t, let from, let to):
            return ".setRowLevelSecurity(table: \(string(t)), from: \(from.map(rowLevelSecurity) ?? "nil"), to: \(to.map(rowLevelSecurity) ?? "nil"))"
        case .renameTable(let from, let to): return ".renameTable(from: \(string(from)), to: \(string(to)))"
        case .renameColumn(let t, let from, let to):
            return ".renameColumn(table: \(string(t)), from: \(string(from)), to: \(string(to)))"
        case .renameIndex(let t, let from, let to):
            return ".renameIndex(table: \(string(t)), from: \(string(from)), to: \(string(to)))"
        case .renameConstraint(let t, let from, let to):
            return ".renameConstraint(table: \(string(t)), from: \(string(from)), to: \(string(to)))"
        case .renameEnumType(let from, let to): return ".renameEnumType(from: \(string(from)), to: \(string(to)))"
        case .renameEnumValue(let type, let from, let to, let columns):
            let refs = columns.map { "ColumnReference(\(string($0.table)), \(string($0.column)))" }.joined(separator: ", ")
            return ".renameEnumValue(type: \(string(type)), from: \(string(from)), to: \(string(to)), columns: [\(refs)])"
        case .backfill(let t, let c, let v):
            return ".backfill(table: \(string(t)), column: \(string(c)), value: \(defaultValue(v)))"
        case .createEnumType(let e): return ".createEnumType(\(enumType(e)))"
        case .dropEnumType(let e): return ".dropEnumType(\(enumType(e)))"
        case .addEnumValue(let t, let v, let before, let after):
            return ".addEnumValue(type: \(string(t)), value: \(string(v)), before: \(optional(before)), after: \(optional(after)))"
        case .replaceEnumType(let from, let to):
            return ".replaceEnumType(\n\(pad)    from: \(enumType(from)),\n\(pad)    to: \(enumType(to))\n\(pad))"
        case .setSQLiteTableOptions(let t, let from, let to):
            return ".setSQLiteTableOptions(table: \(string(t)), from: \(from.map(\.literal) ?? "nil"), to: \(to.map(\.literal) ?? "nil"))"
        case .createSequence(let s): return ".createSequence(\(sequence(s)))"
        case .dropSequence(let s): return ".dropSequence(\(sequence(s)))"
        case .alterSequence(let from, let to):
            return ".alterSequence(\n\(pad)    from: \(sequence(from)),\n\(pad)    to: \(sequence(to))\n\(pad))"
        case .setIndexComment(let t, let i, let from, let to):
            return ".setIndexComment(table: \(string(t)), index: \(string(i)), from: \(optional(from)), to: \(optional(to)))"
        case .validateConstraint(let t, let n): return ".validateConstraint(table: \(string(t)), name: \(string(n)))"
        case .batchedUpdate(let u):
            let set = u.assignments.map { "ColumnAssignment(\(string($0.column)), \(string($0.expression)))" }.joined(separator: ", ")
            return ".batchedUpdate(BatchedUpdate(\(string(u.table)), set: [\(set)]\(u.condition.map { ", where: \(string($0))" } ?? ""), batchSize: \(u.batchSize)))"
        case .expect(let e):
            if let count = e.count { return ".expect(Expectation(\(string(e.query)), equals: \(count), message: \(string(e.message))))" }
            return ".expect(Expectation(noRows: \(string(e.query)), message: \(string(e.message))))"
        case .createObject(let o): return ".createObject(\(object(o, pad: pad)))"
        case .dropObject(let o): return ".dropObject(\(object(o, pad: pad)))"
        case .replaceObject(let from, let to):
            return ".replaceObject(\n\(pad)    from: \(object(from, pad: pad + "    ")),\n\(pad)    to: \(object(to, pad: pad + "    "))\n\(pad))"
        case .recreateObject(let from, let to):
            return ".recreateObject(\n\(pad)    from: \(object(from, pad: pad + "    ")),\n\(pad)    to: \(object(to, pad: pad + "    "))\n\(pad))"
        case .execute(let r): return ".execute(\(raw(r)))"
        case .code(let c): throw RevisionError("Swift code '\(c.name)' cannot be written as a literal")
        }
    }

    /// A list of operations, one element per line block, indented by `pad`.
    static func operations(_ ops: [MigrationOperation], pad: String) throws -> String {
        try ops.map { pad + (try operation($0, pad: pad)) + ",\n" }.joined()
    }
}
