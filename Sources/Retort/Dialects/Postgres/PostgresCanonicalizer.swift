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
        let tables = models.tables.filter { Self.needsServer($0, current: currentByName[$0.name]) }
        guard !tables.isEmpty else { return CanonicalForms() }
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
        let used = Schema(tables: tables).enumTypes(on: .postgres)
        for (name, values) in used.sorted(by: { $0.key < $1.key }) {
            script.append("CREATE TYPE \(SQLText.quote(name)) AS ENUM (\(values.map(SQLText.literal).joined(separator: ", ")))")
        }
        for s in models.sequences { script.append("CREATE SEQUENCE \(SQLText.quote(s.name)) " + PostgresRenderer.sequenceOptions(s)) }
        for t in tables {
            var scratch = Table(name: t.name, columns: Self.referencedColumns(t), checks: t.checks.map { CheckConstraint($0.name, $0.expression) })
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
        }
        do {
            try db.executeScript(script.joined(separator: ";\n"))
        } catch {
            throw ModelError("an expression in the models is not valid on PostgreSQL: \(Self.firstLine(error))")
        }
        let read = try PostgresIntrospector(db: db).read()
        return CanonicalForms(tables: Dictionary(read.tables.map { ($0.name, $0) }) { a, _ in a })
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
    /// Set when the server could not be used and expressions were compared as text.
    public var notice: String?

    /// Canonical tables and a notice, if any.
    public init(tables: [String: Table] = [:], notice: String? = nil) {
        self.tables = tables
        self.notice = notice
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
        return t
    }
}
