import Foundation
import Retort
import Testing

/// Views as the models declare them: created, changed and dropped by autogen revisions that
/// revert; kept through the table changes that PostgreSQL refuses while they exist and SQLite's
/// rebuilds; drift in them reported; views Retort does not own left as they were.
@Suite("Views: declared, changed, kept through table changes, drift reported")
struct ViewTests {
    static func customer(_ idType: ColumnType = .integer, email: Bool = false) -> Table {
        Table("customer") {
            Column("id", idType).primaryKey()
            Column("name", .text)
            Column("active", .boolean, default: true)
            if email { Column("email", .text, nullable: true) }
        }
    }

    static func models(_ idType: ColumnType = .integer, email: Bool = false, filter: String = "active") -> Schema {
        var s = Schema(tables: [customer(idType, email: email)])
        // Declared before the view it reads: the order comes from the catalog, not the models.
        s.views = [
            View("a_names", "SELECT name FROM z_active"),
            View("z_active", "SELECT id, name FROM customer WHERE \(filter)", comment: "who buys"),
        ]
        return s
    }

    @Test("created, changed in place, kept through a type change under two levels of views, reverted", arguments: allDialects)
    func lifecycle(_ dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.models())
        try db.executeScript("INSERT INTO customer (id, name, active) VALUES (1, 'ana', true), (2, 'bo', false)")
        #expect(try test.values("SELECT name FROM a_names") == [["ana"]])
        // The query changes (in place on PostgreSQL: same columns).
        try steps.apply(Self.models(filter: "active AND name <> ''"))
        // The column both views read changes type (a rebuild on SQLite): they go and come back.
        try steps.apply(Self.models(.bigint, email: true, filter: "active AND name <> ''"))
        #expect(try test.values("SELECT name FROM a_names") == [["ana"]])
        #expect(try test.values("SELECT id, name FROM z_active") == [["1", "ana"]])
        try steps.revertToFirst {
            let names = try test.values("SELECT name FROM a_names")
            #expect(names == [["ana"]])
        }
    }

    @Test("SQLite: a rebuild under a view drops it and creates it again, and it still reads")
    func sqliteRebuild() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.models())
        try db.executeScript("INSERT INTO customer (id, name, active) VALUES (1, 'ana', 1)")
        // NOT NULL with a default on a nullable column is a rebuild on SQLite.
        var next = Self.models()
        next.tables[0].columns[1].defaultValue = .string("?")
        let revision = try steps.apply(next)
        let sql = try SQLiteDialect().render(revision.upgrade, from: try SQLiteDialect().introspect(db)).map(\.sql)
        #expect(sql.contains { $0.hasPrefix("DROP VIEW") }, "\(sql)")
        #expect(try test.values("SELECT name FROM a_names") == [["ana"]])
    }

    @Test("SQLite: a view that no longer reads after a rebuild stops the revision, naming it")
    func sqliteBrokenView() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT);
            CREATE VIEW uses_b AS SELECT b FROM t;
            """)
        // A hand-written revision drops the column the view reads, in a rebuild (a check is added too).
        let revision = try revision("r1", [
            .addConstraint(table: "t", constraint: .check(CheckConstraint("ck", "a <> ''"))),
            .dropColumn(table: "t", column: Column("b", .text, nullable: true)),
        ])
        let error = #expect(throws: (any Error).self) { try Migrator(graph: graph([revision]), connection: db).upgrade(to: "head") }
        #expect("\(error!)".contains("view uses_b no longer works after t is rebuilt"), "\(error!)")
        // Nothing changed: the revision rolled back.
        #expect(try test.values("SELECT count(*) FROM pragma_table_info('t') WHERE name = 'b'") == [["1"]])
    }

    @Test("SQLite: a view named in another case is the same view")
    func sqliteCaseInsensitiveNames() throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        try ModelSteps(db).apply(Self.models())
        var other = Self.models()
        other.views = other.views.map { v in var v = v; v.name = v.name.uppercased(); return v }
        #expect(try Autogenerator(models: other, graph: RevisionGraph([])).differences(db).isEmpty)
    }

    @Test("PostgreSQL: drift in a view is reported — changed, dropped, added by hand")
    func drift() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let steps = ModelSteps(db)
        try steps.apply(Self.models())
        let generator = try Autogenerator(models: Self.models(), graph: RevisionGraph(steps.revisions))
        let left = try generator.differences(db)
        #expect(left.isEmpty, "\(left)")
        try db.executeScript("CREATE OR REPLACE VIEW z_active AS SELECT id, name FROM customer WHERE NOT active")
        #expect(try generator.differences(db).map(\.summary) == ["replace view z_active"])
        try db.executeScript("DROP VIEW a_names")
        #expect(Set(try generator.differences(db).map(\.summary)) == ["replace view z_active", "create view a_names"])
        try db.executeScript("CREATE VIEW a_names AS SELECT name FROM z_active; CREATE VIEW extra AS SELECT 1 AS one")
        #expect(Set(try generator.differences(db).map(\.summary)) == ["replace view z_active", "drop view extra"])
        // Excluded, the extra view is not Retort's.
        let excluding = try Autogenerator(models: Self.models(), graph: RevisionGraph(steps.revisions), excluding: TableFilter(["view:ext*"]))
        #expect(try excluding.differences(db).map(\.summary) == ["replace view z_active"])
    }

    @Test("PostgreSQL: a view Retort does not own comes back unchanged, with its grant, after a type change under it")
    func unmanagedViewKept() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        let filter = TableFilter(["view:report"])
        try db.executeScript("""
            CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true);
            CREATE VIEW report AS SELECT id, upper(name) AS loud FROM customer;
            GRANT SELECT ON report TO PUBLIC;
            COMMENT ON VIEW report IS 'for the accountants';
            INSERT INTO customer VALUES (1, 'ana', true);
            """)
        var models = Schema(tables: [Self.customer(.bigint)])
        models.tables[0].primaryKey?.name = "customer_pkey"
        let revisions = try Autogenerator(models: models, graph: RevisionGraph([]), excluding: filter).revisions(message: "bigint", db: db)
        #expect(revisions.flatMap(\.upgrade).map(\.summary) == ["alter column customer.id: type integer -> bigint"])
        try Migrator(graph: RevisionGraph(revisions), connection: db, exclusions: filter).upgrade(to: "head")
        #expect(try test.values("SELECT id, loud FROM report") == [["1", "ANA"]])
        #expect(try test.values("SELECT has_table_privilege('public', 'report', 'SELECT')::text, obj_description('report'::regclass, 'pg_class')") == [["true", "for the accountants"]])
        #expect(try test.values("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'report'::regclass AND attname = 'id'") == [["bigint"]])
    }

    @Test("PostgreSQL: a view the server cannot create is a model error before anything runs")
    func invalidView() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        var models = Self.models()
        models.views.append(View("broken", "SELECT nope FROM customer"))
        let error = #expect(throws: ModelError.self) {
            try Autogenerator(models: models, graph: RevisionGraph([])).revisions(message: "m", db: db)
        }
        #expect(error?.message.contains("broken") == true, "\(String(describing: error))")
        #expect(try userTables(db).isEmpty)
    }

    @Test("a view with a PostgreSQL query only: created by a revision made on PostgreSQL, left out on SQLite with a note")
    func dialectOnly() throws {
        let pg = try TestDatabase.make(.postgres), sqlite = try TestDatabase.make(.sqlite)
        let p = try pg.connect(), s = try sqlite.connect()
        defer { p.close(); s.close() }
        var models = Self.models()
        models.views.append(View("pg_only", perDialect: [.postgres: "SELECT id::text AS code FROM customer"]))
        let revisions = try Autogenerator(models: models, graph: RevisionGraph([])).revisions(message: "m", db: p, single: true)
        var notes: [String] = []
        try Migrator(graph: RevisionGraph(revisions), connection: s) { notes.append($0) }.upgrade(to: "head")
        #expect(notes.contains("note: view pg_only has no SQLite query; it is not created on SQLite"), "\(notes)")
        #expect(try Autogenerator(models: models, graph: RevisionGraph(revisions)).differences(s).isEmpty)
        try Migrator(graph: RevisionGraph(revisions), connection: p).upgrade(to: "head")
        #expect(try pg.values("SELECT code FROM pg_only") == [])
        #expect(try Autogenerator(models: models, graph: RevisionGraph(revisions)).differences(p).isEmpty)
    }

    @Test("PostgreSQL: a view naming an enum value the models add is spelled against the models' type, not the database's table")
    func viewOverChangedEnum() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        func models(_ values: [String], open: String) -> Schema {
            var s = Schema(tables: [
                Table("orders") {
                    Column("id", .integer).primaryKey()
                    Column("status", .enumeration("order_status", values))
                }
            ])
            s.views = [View("open_orders", "SELECT id FROM orders WHERE status IN (\(open))")]
            return s
        }
        let first = models(["new", "paid"], open: "'new'"), next = models(["new", "held", "paid"], open: "'new', 'held'")
        var revisions = try Autogenerator(models: first, graph: graph([])).revisions(message: "one", db: db)
        try Migrator(graph: graph(revisions), connection: db).upgrade(to: "head")
        #expect(try Autogenerator(models: first, graph: graph(revisions)).differences(db) == [])
        // The table the view reads has the same columns in the database, but their type gains a
        // value the view names: the server must spell the view over the models' table (a view
        // over the database's would fail on 'held', or name the type as another schema's).
        revisions += try Autogenerator(models: next, graph: graph(revisions)).revisions(message: "two", db: db)
        try Migrator(graph: graph(revisions), connection: db).upgrade(to: "head")
        try db.executeScript("INSERT INTO orders VALUES (1, 'held'), (2, 'paid')")
        #expect(try test.values("SELECT id FROM open_orders") == [["1"]])
        #expect(try Autogenerator(models: next, graph: graph(revisions)).differences(db) == [])
    }
}
