import Foundation
import Retort

/// What running one pair on one dialect came to.
enum PairOutcome: Sendable, CustomStringConvertible {
    case passed
    /// A documented refusal (Refusals.md), and which, and when it came.
    case refused(String, when: String)
    /// The generator's own SQL was refused by the database: a generator bug, not Retort's.
    case invalid(String)
    /// Retort did something wrong: the stage, and what.
    case failed(stage: String, message: String)

    var isFailure: Bool { if case .failed = self { return true }; return false }
    var stage: String? { if case .failed(let s, _) = self { return s }; return nil }

    var description: String {
        switch self {
        case .passed: "passed"
        case .refused(let r, let when): "refused at \(when) (documented): \(r)"
        case .invalid(let m): "invalid pair (generator): \(m)"
        case .failed(let stage, let m): "FAILED at \(stage): \(m)"
        }
    }
}

/// Runs a pair through Retort on a real database and judges it by readers Retort did not write.
///
/// 1. Reference databases for A and B are built from the generator's own SQL.
/// 2. A live database is brought to A by Retort's own revisions (autogen from empty, upgrade), and
///    must equal the reference A (`pg_dump --schema-only` / SQLite's catalog); rows go in.
/// 3. `autogen` against the live database with B (and B's rename hints) as the models, `upgrade`:
///    the schema must equal the reference B, a second diff must be empty, and rows of every column
///    kept with its type must survive.
/// 4. The same revisions as an offline `--sql` script, run on another database at A, must give
///    the same schema.
/// 5. `downgrade` to A's revision must give back the reference A.
final class PairRunner {
    let pair: RandomPair
    /// How the canonical copies differed, when they did (for the failure message).
    var lastCanonicalDifference = ""

    init(pair: RandomPair) { self.pair = pair }
    var dialect: DialectName { pair.dialect }

    func read(_ db: TestDatabase) throws -> [String] {
        switch dialect {
        case .postgres: return try PostgresDump.read(db).filter { !$0.contains("retort_") }
        case .sqlite: return try SQLiteCatalog.read(db).filter { !$0.contains("retort_") }
        }
    }

    /// True when `db` reads as `reference` does, or failing that, when both read the same once
    /// restored from their own `pg_dump` into fresh databases with the sequences their columns own
    /// named after the owner. Two things differ between equal schemas otherwise: PostgreSQL prints
    /// some expressions in a form that, parsed again, prints differently (a varchar `IN` list), and
    /// a database built from models read off the reference holds that second form; and the name of
    /// a serial's or identity's sequence is PostgreSQL's choice when the column is created, which
    /// renaming the column or table leaves as it was (the models cannot name it). SQLite's catalog
    /// keeps the text as written: no second chance there.
    func same(_ db: TestDatabase, _ got: [String], as reference: TestDatabase, _ want: [String]) throws -> Bool {
        if got == want { return true }
        guard dialect == .postgres else { return false }
        let (x, y) = (try canonical(db), try canonical(reference))
        if x != y { lastCanonicalDifference = Self.difference(x, y) }
        return x == y
    }

    func canonical(_ db: TestDatabase) throws -> [String] {
        let copy = try TestDatabase.make(.postgres, isolation: db.schema == nil ? .database : .schema)
        var text = try PostgresDump.raw(db)
        if let from = db.schema, let to = copy.schema {
            text = text.replacingOccurrences(of: "CREATE SCHEMA \(from);", with: "").replacingOccurrences(of: "\(from).", with: "\(to).")
        }
        do {
            let restore = try copy.connect()
            defer { restore.close() }
            try restore.executeScript(text)
        }
        // A new session: the dump's script empties its own search path.
        let c = try copy.connect()
        defer { c.close() }
        let owned = try c.query("""
            SELECT s.relname::text, t.relname::text, a.attname::text
            FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
            JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
            JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
            WHERE s.relkind = 'S' AND n.nspname = current_schema()
            """)
        for row in owned {
            let name = row[0].string ?? "", owner = "owned by \(row[1].string ?? "").\(row[2].string ?? "")"
            if name != owner { try c.execute("ALTER SEQUENCE \(PairSQL.id(name)) RENAME TO \(PairSQL.id(owner))") }
        }
        return try read(copy)
    }

    static func difference(_ got: [String], _ want: [String]) -> String {
        "only in the database: \(got.filter { !want.contains($0) })\nonly in the reference: \(want.filter { !got.contains($0) })"
    }

    func models(_ db: any DatabaseConnection, hints: PairHints) throws -> Schema {
        var schema = try dialect.implementation.introspect(db)
        let sql = PairSQL(dialect: dialect)
        for i in schema.tables.indices {
            let name = schema.tables[i].name
            var h = TableHints()
            if let old = hints.tables[name] { h.renamedFrom = old }
            h.columns = hints.columns[name] ?? [:]
            for (column, type) in hints.backfills[name] ?? [:] {
                h.backfills[column] = .expression(sql.value(type, row: 0, in: pair.b))
            }
            if i == 0 { h.enumValues = hints.enumValues }
            schema.tables[i].hints = h.isEmpty ? nil : h
        }
        return schema
    }

    func run() -> PairOutcome {
        let outcome: PairOutcome
        do {
            outcome = try runThrowing()
        } catch let stop as Stop {
            outcome = stop.outcome
        } catch {
            return .failed(stage: "harness", message: "\(error)")
        }
        // A refusal that blames the rows must go away without rows.
        if case .refused(let title, let when) = outcome, when != "autogen", pair.a.rows > 0 {
            var empty = pair
            empty.a.rows = 0
            let again = PairRunner(pair: empty).run()
            if case .failed(let stage, let message) = again {
                return .failed(stage: stage, message: "with rows refused (\(title)); without rows: \(message)")
            }
        }
        return outcome
    }

    struct Stop: Error { var outcome: PairOutcome }

    /// Runs `body`; an error becomes the outcome: documented refusal, or a failure at `stage`.
    func step<T>(_ stage: String, refusable: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let stop as Stop {
            throw stop
        } catch {
            let message = "\(error)"
            if let refusable, let r = Refusals.documented.match(message, when: refusable) { throw Stop(outcome: .refused(r.title, when: r.when)) }
            throw Stop(outcome: .failed(stage: stage, message: message))
        }
    }

    func runThrowing() throws -> PairOutcome {
        let b = pair.b, a = pair.a.normalized()
        let sql = PairSQL(dialect: dialect)
        let isolation: TestDatabase.Isolation = pair.needsOwnDatabase ? .database : .schema
        let refA = try TestDatabase.make(dialect, isolation: isolation), refB = try TestDatabase.make(dialect, isolation: isolation)
        let live = try TestDatabase.make(dialect, isolation: isolation), offline = try TestDatabase.make(dialect, isolation: isolation)
        let modelsA: Schema, modelsB: Schema
        do {
            let ca = try refA.connect(), cb = try refB.connect()
            defer { ca.close(); cb.close() }
            do { try ca.executeScript(sql.script(a)) } catch { return .invalid("A: \(error)") }
            do { try cb.executeScript(sql.script(b)) } catch { return .invalid("B: \(error)") }
            modelsA = try step("read A") { try models(ca, hints: PairHints()) }
            modelsB = try step("read B") { try models(cb, hints: b.hints) }
        }
        let wantA = try read(refA), wantB = try read(refB)

        // A through Retort's own revisions, then the rows.
        let revisionsA: [RevisionInfo] = try step("autogen A") {
            let c = try live.connect()
            defer { c.close() }
            let revisions = try Autogenerator(models: modelsA, graph: try graph([])).revisions(message: "a", db: c)
            _ = try Migrator(graph: try graph(revisions), connection: c).upgrade(to: "head")
            return revisions
        }
        let gotA = try read(live)
        if try !same(live, gotA, as: refA, wantA) { return .failed(stage: "create A", message: Self.difference(gotA, wantA) + "\ncanonical: " + lastCanonicalDifference) }
        let rows = sql.rows(a)
        for db in [live, offline] {
            let c = try db.connect()
            defer { c.close() }
            if db == offline { try step("offline A") { _ = try Migrator(graph: try graph(revisionsA), connection: c).upgrade(to: "head") } }
            if !rows.isEmpty {
                do { try c.executeScript(rows) } catch { return .invalid("rows: \(error)") }
            }
        }
        let before = try rowValues(live, schema: a)

        // Autogen to B, upgrade.
        let all: [RevisionInfo] = try step("autogen B", refusable: "autogen") {
            let c = try live.connect()
            defer { c.close() }
            return revisionsA + (try Autogenerator(models: modelsB, graph: try graph(revisionsA)).revisions(message: "b", db: c))
        }
        if ProcessInfo.processInfo.environment["RETORT_PAIR_SHOW"] != nil {
            for r in all.dropFirst(revisionsA.count) { print("revision \(r.id) \(r.message)\n  up: \(r.upgrade)\n  down: \(r.downgrade)") }
        }
        let g = try graph(all)
        let headA = revisionsA.last?.id
        let script = try step("offline script") { try OfflineSQL(graph: g, dialect: dialect.implementation).upgrade("\(headA ?? "base"):head").text }
        try step("upgrade", refusable: "upgrade") {
            let c = try live.connect()
            defer { c.close() }
            _ = try Migrator(graph: g, connection: c).upgrade(to: "head")
        }
        let gotB = try read(live)
        if try !same(live, gotB, as: refB, wantB) { return .failed(stage: "equals B", message: Self.difference(gotB, wantB) + "\ncanonical: " + lastCanonicalDifference) }
        let left = try step("second diff") {
            let c = try live.connect()
            defer { c.close() }
            return try Autogenerator(models: modelsB, graph: g).differences(c)
        }
        if !left.isEmpty { return .failed(stage: "second diff", message: "\(left)") }
        let after = try rowValues(live, schema: b)
        for (key, values) in before {
            guard let now = after[survivor(key)] else { continue }
            if now != values { return .failed(stage: "rows", message: "\(key.table).\(key.column): \(values) became \(now)") }
        }

        // The offline script does what the live upgrade did.
        try step("offline run") {
            let c = try offline.connect()
            defer { c.close() }
            try c.executeScript(script)
        }
        let gotOffline = try read(offline)
        if try !same(offline, gotOffline, as: refB, wantB) { return .failed(stage: "offline equals B", message: Self.difference(gotOffline, wantB) + "\ncanonical: " + lastCanonicalDifference + "\n" + script) }

        // And back.
        try step("downgrade", refusable: "downgrade") {
            let c = try live.connect()
            defer { c.close() }
            if let headA { _ = try Migrator(graph: g, connection: c).downgrade(to: headA) }
        }
        let back = try read(live)
        if try !same(live, back, as: refA, wantA) { return .failed(stage: "downgrade equals A", message: Self.difference(back, wantA) + "\ncanonical: " + lastCanonicalDifference) }
        return .passed
    }

    struct ColumnKey: Hashable, CustomStringConvertible {
        var table: String
        var column: String
        var description: String { "\(table).\(column)" }
    }

    /// Where a column of A lives in B, through the rename hints.
    func survivor(_ key: ColumnKey) -> ColumnKey {
        let h = pair.b.hints
        let table = h.tables.first { $0.value == key.table }?.key ?? key.table
        let column = h.columns[table]?.first { $0.value == key.column }?.key ?? key.column
        return ColumnKey(table: table, column: column)
    }

    /// Each comparable column's values as text, sorted: columns B keeps with the same type, not
    /// generated, not given a backfill, of tables whose partitions did not change.
    func rowValues(_ db: TestDatabase, schema: PairSchema) throws -> [ColumnKey: [String]] {
        let a = pair.a, b = pair.b
        let c = try db.connect()
        defer { c.close() }
        var out: [ColumnKey: [String]] = [:]
        for t in schema.tables {
            for col in t.columns where col.generated == nil {
                // Judge from A's side: the same column in both, same type, no backfill.
                let keyA: ColumnKey, keyB: ColumnKey
                if schema == a {
                    keyA = ColumnKey(table: t.name, column: col.name)
                    keyB = survivor(keyA)
                } else {
                    keyB = ColumnKey(table: t.name, column: col.name)
                    let table = b.hints.tables[t.name] ?? t.name
                    keyA = ColumnKey(table: table, column: b.hints.columns[t.name]?[col.name] ?? col.name)
                }
                guard let ta = a.table(keyA.table), let ca = ta.column(keyA.column), let tb = b.table(keyB.table), let cb = tb.column(keyB.column),
                      ca.type == cb.type, cb.generated == nil, ta.partition == tb.partition, b.hints.backfills[keyB.table]?[keyB.column] == nil,
                      !isEnumChanged(ca.type)
                else { continue }
                let expr = dialect == .postgres ? "\(PairSQL.id(col.name))::text" : "quote(\(PairSQL.id(col.name)))"
                let values = try c.query("SELECT \(expr) FROM \(PairSQL.id(t.name))").map { $0[0].string ?? "NULL" }.sorted()
                out[schema == a ? keyA : keyB] = values
            }
        }
        return out
    }

    func isEnumChanged(_ t: PairType) -> Bool {
        guard case .enumeration(let e) = t else { return false }
        return pair.a.enums.first { $0.name == e } != pair.b.enums.first { $0.name == e }
    }
}

extension TestDatabase: Equatable {
    static func == (l: TestDatabase, r: TestDatabase) -> Bool { l.url.description == r.url.description }
}
