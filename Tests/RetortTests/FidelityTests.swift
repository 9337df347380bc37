import Foundation
import Retort
import Testing

/// What the models' side of a comparison sees: expressions compared by meaning through the server,
/// changes PostgreSQL would refuse refused first, names PostgreSQL would truncate refused, and
/// PostgreSQL-only details kept in revisions while SQLite gets the nearest form.
@Suite("Diff fidelity: expressions by meaning, refusals before SQL, portable revisions")
struct FidelityTests {
    /// `n` tables, each with a check that PostgreSQL rewrites (BETWEEN, IN) and a partial index.
    static func checked(_ n: Int, bound: Int = 9) -> Schema {
        Schema(tables: (0..<n).map { i in
            Table("t\(i)") {
                Column("id", .integer).primaryKey()
                Column("qty", .integer, nullable: true)
                Column("s", .text, nullable: true)
                Check("ck_t\(i)_qty", "qty BETWEEN 1 AND \(bound)")
                Check("ck_t\(i)_s", "s IN ('a', 'b')")
                Index("qty", name: "ix_t\(i)_qty", where: "s IN ('a', 'b')")
            }
        })
    }

    static func apply(_ models: Schema, to db: any DatabaseConnection) throws {
        let generator = try Autogenerator(models: models, graph: try RevisionGraph([]))
        let ops = try generator.differences(db)
        for statement in try db.dialect.implementation.render(ops, from: try generator.databaseSchema(db)) { try statement.run(on: db) }
    }

    @Test("rewritten expressions compare equal, and canonicalization costs the same round trips for 5 and 60 tables")
    func constantCanonicalization() throws {
        var counts: [Int] = []
        for n in [5, 60] {
            let test = try TestDatabase.make(.postgres)
            let db = try test.connect()
            defer { db.close() }
            try Self.apply(Self.checked(n), to: db)
            // The stored text differs from the models' (BETWEEN became >= AND <=): the server is asked.
            let stored = try db.dialect.implementation.introspect(db).table("t0")!.checks.map(\.expression)
            #expect(!stored.contains { $0.contains("BETWEEN") })
            let counting = CountingConnection(db)
            let generator = try Autogenerator(models: Self.checked(n), graph: try RevisionGraph([]))
            #expect(try generator.differences(counting) == [])
            counts.append(counting.count)
            // A changed bound under the same name is seen, as a drop and an add of that check.
            let changed = try Autogenerator(models: Self.checked(n, bound: 8), graph: try RevisionGraph([])).differences(db)
            #expect(changed.count == 2 * n)
            #expect(changed.allSatisfy { $0.summary.contains("check constraint ck_t") && $0.summary.contains("_qty") })
        }
        #expect(counts[0] == counts[1])
    }

    @Test("a check whose only change is its name is renamed; a read-only connection compares as text with a notice")
    func renameAndReadOnly() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("CREATE TABLE t (id integer PRIMARY KEY, qty integer CONSTRAINT old_name CHECK (qty BETWEEN 1 AND 9))")
        let models = Schema {
            Table("t") {
                Column("id", .integer); PrimaryKey("id", name: "t_pkey")
                Column("qty", .integer, nullable: true)
                Check("new_name", "qty BETWEEN 1 AND 9")
            }
        }
        let generator = try Autogenerator(models: models, graph: try RevisionGraph([]))
        #expect(try generator.differences(db) == [.renameConstraint(table: "t", from: "old_name", to: "new_name")])

        try db.execute("SET default_transaction_read_only = on")
        var notices: [String] = []
        let textual = try generator.differences(db) { notices.append($0) }
        #expect(notices.count == 1 && notices[0].hasPrefix("expressions compared as text"))
        #expect(textual.map(\.summary) == ["drop check constraint old_name on t", "add check constraint new_name on t"])
        // Nothing was left behind by the attempts.
        try db.execute("SET default_transaction_read_only = off")
        #expect(try db.query("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'retort_canon_%'").first?.first?.int == 0)
    }

    @Test("a model expression PostgreSQL rejects is a model error, not a failed revision")
    func invalidExpression() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("CREATE TABLE t (id integer PRIMARY KEY, qty integer)")
        let models = Schema {
            Table("t") {
                Column("id", .integer); PrimaryKey("id", name: "t_pkey"); Column("qty", .integer, nullable: true)
                Check("bad", "qty >>> nope")
            }
        }
        let generator = try Autogenerator(models: models, graph: try RevisionGraph([]))
        #expect(throws: ModelError.self) { _ = try generator.differences(db) }
    }

    @Test("changes PostgreSQL would refuse are refused first, naming what to do")
    func refusals() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript(
            """
            CREATE TABLE t (id integer PRIMARY KEY, at bigint, name text, note text);
            CREATE SCHEMA \(test.schema.map { "\($0)_other" } ?? "other");
            CREATE VIEW \(test.schema.map { "\($0)_other" } ?? "other").names AS SELECT name FROM t;
            """)
        func models(_ at: ColumnType, _ name: ColumnType, note: Bool = true) -> Schema {
            Schema {
                Table("t") {
                    Column("id", .integer); PrimaryKey("id", name: "t_pkey")
                    Column("at", at, nullable: true); Column("name", name, nullable: true)
                    if note { Column("note", .text, nullable: true) }
                }
            }
        }
        func message(_ schema: Schema) -> String {
            do {
                _ = try Autogenerator(models: schema, graph: try RevisionGraph([])).differences(db)
                return "no error"
            } catch { return "\(error)" }
        }
        #expect(message(models(.timestamp, .text)).contains("from bigint to timestamp: PostgreSQL has no cast"))
        // A view in another schema is not Retort's to create again: it stops the change. (Views of
        // its own schema it can: see ViewTests.)
        #expect(message(models(.bigint, .string(20))).contains("view names depends on it"), "\(message(models(.bigint, .string(20))))")
        #expect(try Autogenerator(models: models(.bigint, .text, note: false), graph: try RevisionGraph([])).differences(db).count == 1)
        // A view that uses no changed column is no obstacle.
        #expect(message(models(.integer, .text)) == "no error")
    }

    @Test("a name longer than PostgreSQL's 63 bytes is refused before any database is touched")
    func longNames() throws {
        let long = String(repeating: "x", count: 64)
        for schema in [
            Schema { Table(long) { Column("id", .integer) } },
            Schema { Table("t") { Column(long, .integer) } },
            Schema { Table("t") { Column("id", .integer); Index("id", name: long) } },
            Schema { EnumType(long, ["a"]) },
        ] {
            #expect(throws: ModelError.self) { _ = try Autogenerator(models: schema, graph: try RevisionGraph([])) }
        }
        _ = try Autogenerator(models: Schema { Table(String(repeating: "é", count: 31)) { Column("id", .integer) } }, graph: try RevisionGraph([]))
    }

    @Test("a new enum value used as a default comes in an earlier revision, and both apply on PostgreSQL")
    func enumValueBeforeUse() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("CREATE TYPE state AS ENUM ('draft', 'live'); CREATE TABLE t (id integer PRIMARY KEY, s state NOT NULL DEFAULT 'draft')")
        let models = Schema {
            Table("t") {
                Column("id", .integer); PrimaryKey("id", name: "t_pkey")
                Column("s", .enumeration("state", ["new", "draft", "live"]), default: "new")
            }
        }
        let generator = try Autogenerator(models: models, graph: try RevisionGraph([]))
        for single in [false, true] {
            let revisions = try generator.revisions(message: "m", db: db, single: single, idToken: single ? "bbbb" : "aaaa")
            #expect(revisions.count == 2)
            #expect(revisions.first?.upgrade == [.addEnumValue(type: "state", value: "new", before: "draft", after: nil)])
        }
        let revisions = try generator.revisions(message: "m", db: db)
        try Migrator(graph: try RevisionGraph(revisions), connection: db).upgrade(to: "head")
        #expect(try generator.differences(db) == [])
    }

    /// The "PostgreSQL details" example of the DeclaringModels article.
    static let readmeExample = Schema {
        EnumType("prioridad", ["baja", "alta"])
        DatabaseSequence("factura_no", start: 1000, increment: 5)
        Table("facturas") {
            Column("id", .bigint).identity(.always, start: 100)
            Column("numero", .bigint, default: .expression("nextval('factura_no'::regclass)"))
            Column("legacy_id", .integer).serial()
            Column("etiquetas", .native("text[]"), default: "{}")
            Column("doc", .json, nullable: true)
            Column("codigo", .text, nullable: true)
            PrimaryKey("id", deferrable: .initiallyDeferred)
            Unique("codigo", nullsNotDistinct: true)
            ForeignKey("legacy_id", references: "clientes", "id", matchFull: true, notValid: true)
            Check("ck_codigo", "codigo <> ''", noInherit: true)
            Index("doc", using: "gin", options: [IndexKeyOptions(opclass: "jsonb_path_ops")])
            Index("codigo", "id", options: [IndexKeyOptions(descending: true, nulls: .last), IndexKeyOptions()],
                  include: ["doc"], storage: ["fillfactor": "70"], comment: "búsqueda por código")
            Index("codigo", unique: true, name: "ux_codigo", nullsNotDistinct: true)
        }
        Table("clientes") { Column("id", .integer).primaryKey() }
        Table("marcador") {}
    }

    @Test("the PostgreSQL details example of the models article applies on both dialects and then diffs to nothing", arguments: allDialects)
    func readmeExample(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let generator = try Autogenerator(models: Self.readmeExample, graph: try RevisionGraph([]))
        let revisions = try generator.revisions(message: "m", db: db, idToken: "dddd")
        try Migrator(graph: try RevisionGraph(revisions), connection: db).upgrade(to: "head")
        let left = try generator.differences(db).map(\.summary)
        #expect(left == [], "\(left)")
        try Migrator(graph: try RevisionGraph(revisions), connection: db).downgrade(to: "base")
        #expect(try db.dialect.implementation.introspect(db) == Schema())
    }

    @Test("on SQLite, PostgreSQL-only details take the nearest form, are noted once, and stay in the revision")
    func sqliteNearestForm() throws {
        let models = Schema {
            Table("t") {
                Column("id", .bigint).identity(.always).primaryKey()
                Column("doc", .json, nullable: true)
                Column("code", .text, nullable: true)
                Unique("code", name: "uq_t_code", deferrable: .initiallyDeferred)
                Index("doc", name: "ix_t_doc", using: "gin", options: [IndexKeyOptions(opclass: "jsonb_path_ops")])
                Index("code", name: "ix_t_code", include: ["doc"], storage: ["fillfactor": "70"])
            }
        }
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        let generator = try Autogenerator(models: models, graph: try RevisionGraph([]))
        let revisions = try generator.revisions(message: "m", db: db, idToken: "cccc")
        let notes = revisions.flatMap(\.upgrade).postgresOnlyDetails
        #expect(notes.contains { $0.contains("uses gin") } && notes.contains { $0.contains("identity always") })
        #expect(Set(notes).count == notes.count)
        var logged: [String] = []
        try Migrator(graph: try RevisionGraph(revisions), connection: db, log: { logged.append($0) }).upgrade(to: "head")
        #expect(logged.filter { $0.hasPrefix("note:") }.count == notes.count)
        #expect(try generator.differences(db) == [])
        // The revision still carries the details PostgreSQL needs.
        guard case .createTable(let t)? = revisions.first?.upgrade.first else { Issue.record("no create"); return }
        #expect(t.indexes.first { $0.name == "ix_t_doc" }?.method == "gin")
        #expect(t.uniqueConstraints.first?.deferrable == .initiallyDeferred)
        let pg = try TestDatabase.make(.postgres)
        let pgdb = try pg.connect()
        defer { pgdb.close() }
        try Migrator(graph: try RevisionGraph(revisions), connection: pgdb).upgrade(to: "head")
        #expect(try generator.differences(pgdb) == [])
    }
}
