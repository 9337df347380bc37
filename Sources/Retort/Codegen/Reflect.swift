import Foundation

/// Writes a database's schema as Swift models in Retort's DSL, the way a person would: column
/// shortcuts for single-column keys, names only where they differ from the naming convention,
/// portable types where they fit and `nativeTypes` where they do not (DESIGN decision 14).
public struct Reflector {
    /// The dialect the schema was read from (its own types go into `nativeTypes`).
    public var dialect: DialectName
    /// The name of the `Schema` constant the models declare.
    public var variable: String
    let convention = NamingConvention.standard

    /// A reflector for a schema read from `dialect`.
    public init(dialect: DialectName, variable: String = "schema") {
        self.dialect = dialect
        self.variable = variable
    }

    /// One Swift file holding the whole schema.
    public func file(_ schema: Schema, source: String) -> String {
        var body = objects(schema).map { "    \($0)\n" }.joined()
        for t in schema.tables { body += indent(table(t), by: "    ") + "\n" }
        body += views(schema).map { "    \($0)\n" }.joined()
        return header(source) + "let \(variable) = Schema {\n" + body + "}\n"
    }

    /// One file per table (`<Table>.swift`, each declaring a `Table` constant) and `Schema.swift`
    /// listing them; keys are file names.
    public func files(_ schema: Schema, source: String) -> [(name: String, text: String)] {
        var out: [(String, String)] = []
        var names: [String] = []
        var used = Set<String>()
        for t in schema.tables {
            var name = Self.swiftName(t.name) + "Table"
            while used.contains(name.lowercased()) { name += "_" }
            used.insert(name.lowercased())
            names.append(name)
            out.append((name + ".swift", header(source) + "let \(name) = " + table(t) + "\n"))
        }
        let list = objects(schema).map { "    \($0)\n" }.joined() + names.map { "    \($0)\n" }.joined()
            + views(schema).map { "    \($0)\n" }.joined()
        out.append(("Schema.swift", header(source) + "let \(variable) = Schema {\n" + list + "}\n"))
        return out
    }

    private func header(_ source: String) -> String {
        "import Retort\n\n// Read from \(SwiftLiteral.comment(source)) by `retort reflect`; edit freely: these are the models now.\n\n"
    }

    private func objects(_ schema: Schema) -> [String] {
        // The extensions that live in the schema read (those of other schemas are the database's).
        schema.extensions.filter { $0.schema == nil || $0.schema == schema.catalog.schemaName }.map { e in
            var local = e
            local.schema = nil
            local.version = nil  // whatever the server installs; pin one by hand to update
            return SwiftLiteral.extensionLiteral(local)
        }
            + schema.enums.map(SwiftLiteral.enumType) + schema.compositeTypes.map(SwiftLiteral.compositeType) + schema.domains.map(SwiftLiteral.domain)
            + schema.sequences.map(SwiftLiteral.sequence) + schema.functions.map { SwiftLiteral.function($0, pad: "    ") }
            + schema.aggregates.map(SwiftLiteral.aggregate)
    }

    /// The views (then the materialized views), each query as the database it was read from spells it (for that dialect only:
    /// the catalog's spelling, casts and all, may not read on the other).
    private func views(_ schema: Schema) -> [String] {
        schema.views.map { v in
            var view = v
            if let query = v.query { view.perDialect = [dialect: PostgresObjectSQL.body(query)] }
            view.query = nil
            return SwiftLiteral.view(view, pad: "    ")
        } + schema.materializedViews.map(SwiftLiteral.materializedView)
    }

    private func indent(_ text: String, by pad: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }

    /// `Table("name") { … }`.
    func table(_ t: Table) -> String {
        var lines: [String] = []
        let enums = Set(t.columns.compactMap { c -> String? in if case .enumeration(let n, _) = c.type { n } else { nil } })
        let pk = t.primaryKey
        let pkShortcut = pk.map { $0.columns.count == 1 && ($0.name == nil || $0.name == convention.primaryKey(table: t.name)) && $0.deferrable == nil } ?? false
        var shortcutUniques = Set<Int>(), shortcutKeys = Set<Int>(), shortcutIndexes = Set<Int>()
        for c in t.columns {
            let isKey = pkShortcut && pk!.columns == [c.name]
            var line = column(c, keyShortcut: isKey)
            if isKey {
                if case .identity? = c.autoincrementKind {
                    line += "." + String(SwiftLiteral.autoincrementKind(c.autoincrementKind!).dropFirst()) + ".primaryKey()"
                } else if c.autoincrementKind == .serial {
                    line += ".serial().primaryKey()"
                } else {
                    line += c.autoincrement ? ".primaryKey(autoincrement: true)" : ".primaryKey()"
                }
            }
            if let i = t.uniqueConstraints.firstIndex(where: { u in
                u.columns == [c.name] && u.deferrable == nil && !u.nullsNotDistinct
                    && (u.name == nil || u.name == convention.unique(table: t.name, columns: u.columns))
            }), !shortcutUniques.contains(i) {
                shortcutUniques.insert(i)
                line += ".unique()"
            }
            if let i = t.foreignKeys.firstIndex(where: { fk in
                fk.columns == [c.name] && fk.deferrable == nil && !fk.matchFull && !fk.notValid
                    && (fk.name == nil || fk.name == convention.foreignKey(table: t.name, columns: fk.columns, referencedTable: fk.referencedTable))
            }), !shortcutKeys.contains(i) {
                shortcutKeys.insert(i)
                let fk = t.foreignKeys[i]
                line += ".references(\(SwiftLiteral.string(fk.referencedTable)), \(SwiftLiteral.string(fk.referencedColumns[0]))"
                if fk.onDelete != .noAction { line += ", onDelete: .\(SwiftLiteral.action(fk.onDelete))" }
                if fk.onUpdate != .noAction { line += ", onUpdate: .\(SwiftLiteral.action(fk.onUpdate))" }
                line += ")"
            }
            if let i = t.indexes.firstIndex(where: { ix in
                ix.isColumnsOnly && ix.columns == [c.name] && !ix.unique && ix == Index([c.name], name: ix.name)
                    && (ix.name == nil || ix.name == convention.index(table: t.name, keys: ix.keys))
            }), !shortcutIndexes.contains(i) {
                shortcutIndexes.insert(i)
                line += ".indexed()"
            }
            lines.append(line)
        }
        if let pk, !pkShortcut {
            lines.append("PrimaryKey(\(variadic(pk.columns))\(name(pk.name, pk.name == convention.primaryKey(table: t.name)))\(SwiftLiteral.deferrable(pk.deferrable)))")
        }
        for (i, u) in t.uniqueConstraints.enumerated() where !shortcutUniques.contains(i) {
            var named = u
            if u.name == convention.unique(table: t.name, columns: u.columns) { named.name = nil }
            lines.append(SwiftLiteral.unique(named).replacingOccurrences(of: "UniqueConstraint(\(SwiftLiteral.strings(u.columns))", with: "Unique(\(variadic(u.columns))"))
        }
        for (i, fk) in t.foreignKeys.enumerated() where !shortcutKeys.contains(i) {
            var named = fk
            if fk.name == convention.foreignKey(table: t.name, columns: fk.columns, referencedTable: fk.referencedTable) { named.name = nil }
            lines.append(SwiftLiteral.foreignKey(named))
        }
        for c in t.checks {
            var readable = c
            readable.expression = self.readable(c.expression, enums: enums)
            lines.append("Check" + SwiftLiteral.check(readable).dropFirst("CheckConstraint".count))
        }
        for (i, ix) in t.indexes.enumerated() where !shortcutIndexes.contains(i) {
            var named = ix
            if ix.name == convention.index(table: t.name, keys: ix.keys) { named.name = nil }
            named.predicate = ix.predicate.map { readable($0, enums: enums) }
            var text = SwiftLiteral.index(named)
            if ix.isColumnsOnly { text = text.replacingOccurrences(of: "Index(\(SwiftLiteral.strings(ix.columns))", with: "Index(\(variadic(ix.columns))") }
            lines.append(text)
        }
        lines += t.triggers.map(SwiftLiteral.trigger)
        if let p = t.partitioning { lines.append(SwiftLiteral.partitioning(p)) }
        if let r = t.rowLevelSecurity { lines.append(SwiftLiteral.rowLevelSecurity(r)) }
        lines += t.policies.map(SwiftLiteral.policy)
        lines += t.exclusionConstraints.map(SwiftLiteral.exclusion)
        let comment = (t.comment.map { ", comment: \(SwiftLiteral.string($0))" } ?? "") + (t.sqlite.map { ", sqlite: \($0.literal)" } ?? "")
        return "Table(\(SwiftLiteral.string(t.name))\(comment)) {\n" + lines.map { "    \($0)\n" }.joined() + "}"
    }

    /// PostgreSQL's stored spelling of an expression, written back the way a person writes it:
    /// casts of string literals to text or to one of the schema's enum types dropped, and of
    /// number literals to numeric, `= ANY (ARRAY[…])` as `IN (…)`. The differ compares
    /// expressions by meaning, so the models still match the database.
    func readable(_ expression: String, enums: Set<String> = []) -> String {
        guard dialect == .postgres else { return expression }
        let literal = "'(?:[^']|'')*'"
        let types = (["text", "character varying"] + enums.sorted().map { NSRegularExpression.escapedPattern(for: $0) }).joined(separator: "|")
        var e = expression.replacingOccurrences(
            of: "(\(literal))::(?:\(types))(?![\\w\\[])", with: "$1", options: .regularExpression)
        e = e.replacingOccurrences(of: "(?<![\\w.'])(\\d+(?:\\.\\d+)?)::numeric(?![\\w\\[])", with: "$1", options: .regularExpression)
        e = e.replacingOccurrences(
            of: "([A-Za-z_][A-Za-z0-9_]*|\"(?:[^\"]|\"\")+\")(?:::text)? = ANY \\(\\(?ARRAY\\[((?:\(literal)(?:, )?)+)\\](?:\\)?::text\\[\\])?\\)",
            with: "$1 IN ($2)", options: .regularExpression)
        return e
    }

    private func variadic(_ columns: [String]) -> String { columns.map(SwiftLiteral.string).joined(separator: ", ") }

    private func name(_ n: String?, _ conventional: Bool) -> String { conventional ? "" : SwiftLiteral.name(n) }

    /// `Column("name", type, …)`; a type only this dialect has becomes `.text` with `nativeTypes`.
    func column(_ c: Column, keyShortcut: Bool = false) -> String {
        var type = c.type
        var natives = c.nativeTypes
        if case .native(let spelling) = c.type {
            type = .text
            natives[dialect] = spelling
        }
        var args = [SwiftLiteral.string(c.name), SwiftLiteral.type(type)]
        if c.nullable { args.append("nullable: true") }
        if let d = c.defaultValue {
            switch d {
            case .string(let s): args.append("default: \(SwiftLiteral.string(s))")
            case .integer(let i): args.append("default: \(i)")
            case .boolean(let b): args.append("default: \(b)")
            default: args.append("default: \(SwiftLiteral.defaultValue(d))")
            }
        }
        if !keyShortcut {
            if let kind = c.autoincrementKind {
                args.append("autoincrementKind: \(SwiftLiteral.autoincrementKind(kind))")
            } else if c.autoincrement {
                args.append("autoincrement: true")
            }
        }
        if let comment = c.comment { args.append("comment: \(SwiftLiteral.string(comment))") }
        if !natives.isEmpty { args.append("nativeTypes: \(SwiftLiteral.dialectMap(natives))") }
        if let g = c.generated { args.append("generated: \(SwiftLiteral.generated(g))") }
        if !c.collations.isEmpty { args.append("collations: \(SwiftLiteral.dialectMap(c.collations))") }
        return "Column(\(args.joined(separator: ", ")))"
    }

    /// A Swift identifier for a table name: `order_items` → `orderItems`.
    static func swiftName(_ name: String) -> String {
        let parts = name.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard let first = parts.first else { return "table" }
        var s = first.prefix(1).lowercased() + first.dropFirst() + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if s.first?.isNumber == true { s = "t" + s }
        return s
    }
}
