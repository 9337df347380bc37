import Foundation
import Retort
import Testing

@Suite("Introspection: constant cost, nothing foreign shows up as a difference")
struct IntrospectionTests {
    /// Creates `count` tables with a foreign key and an index each.
    func createTables(_ db: any DatabaseConnection, from start: Int, count: Int) throws {
        var sql = ""
        for i in start..<(start + count) {
            let fk = i == 0 ? "" : ", parent_id integer REFERENCES t0 (id)"
            sql += "CREATE TABLE t\(i) (id integer PRIMARY KEY, name varchar(40) NOT NULL, n integer DEFAULT 0\(fk));"
            sql += "CREATE INDEX ix_t\(i)_name ON t\(i) (name);"
        }
        try db.executeScript(sql)
    }

    @Test("the number of introspection queries is the same for 10 and 500 tables", arguments: allDialects)
    func constantQueryCount(dialect: DialectName) throws {
        let test = try TestDatabase.make(dialect)
        let db = try test.connect()
        defer { db.close() }
        try createTables(db, from: 0, count: 10)
        let small = CountingConnection(db)
        #expect(try dialect.implementation.introspect(small).tables.count == 10)
        try createTables(db, from: 10, count: 490)
        let large = CountingConnection(db)
        let schema = try dialect.implementation.introspect(large)
        #expect(schema.tables.count == 500)
        #expect(schema.table("t499")?.foreignKeys.first?.referencedTable == "t0")
        #expect(schema.table("t499")?.indexes.map(\.name) == ["ix_t499_name"])
        #expect(small.count == large.count)
        #expect(large.count <= (dialect == .postgres ? 6 : 4))  // PostgreSQL: JIT turned off and given back
    }

    @Test("PostgreSQL: the catalog is read with JIT off, and the session's setting is given back")
    func jitGivenBack() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript("CREATE TABLE t (id integer PRIMARY KEY); SET jit = on")
        let counting = CountingConnection(db)
        _ = try PostgresDialect().introspect(counting)
        #expect(try db.query("SELECT current_setting('jit')").first?.first?.string == "on")
        try db.executeScript("SET jit = off")
        _ = try PostgresDialect().introspect(db)
        #expect(try db.query("SELECT current_setting('jit')").first?.first?.string == "off")
    }

    @Test("serial and identity columns, views, functions spelled otherwise, triggers and sequences are not differences")
    func postgresForeignObjects() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript(
            """
            CREATE TABLE a (id serial PRIMARY KEY, note text);
            CREATE TABLE b (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a_id integer REFERENCES a (id));
            CREATE VIEW v AS SELECT a.id, b.id AS b_id FROM a JOIN b ON b.a_id = a.id;
            CREATE SEQUENCE standalone_seq;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER a_touch BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE INDEX ix_partial ON a (id) WHERE note IS NOT NULL;
            CREATE INDEX ix_expr ON a (lower(note));
            """)
        let models = Schema {
            Table("a") {
                Column("id", .integer).primaryKey(autoincrement: true)
                Column("note", .text, nullable: true)
                Index(["id"], name: "ix_partial", where: "note IS NOT NULL")
                Index(keys: [.expression("lower(note)")], name: "ix_expr")
            }
            Table("b") {
                Column("id", .bigint).primaryKey(autoincrement: true)
                Column("a_id", .integer, nullable: true).references("a", "id")
            }
        }
        let schema = try db.dialect.implementation.introspect(db)
        #expect(schema.tables.map(\.name) == ["a", "b"])
        let indexes = try #require(schema.table("a")?.indexes)
        #expect(indexes.first { $0.name == "ix_partial" }?.predicate == "note IS NOT NULL")
        #expect(indexes.first { $0.name == "ix_expr" }?.keys == [.expression("lower(note)")])
        var names = Schema(tables: models.tables.map { t in
            var t = t
            t.foreignKeys = t.foreignKeys.map { fk in var fk = fk; fk.name = "b_a_id_fkey"; return fk }
            t.primaryKey?.name = "\(t.name)_pkey"
            return t
        })
        // A view is Retort's now: declared in other words, it is the same view.
        names.views = [View("v", "select A.id, B.id as b_id\n  from a join b on b.a_id = a.id")]
        // So is a function: declared in other words (a blank space around its body), the same one.
        names.functions = [Function("touch", returns: "TRIGGER", language: "PLPGSQL", body: "BEGIN RETURN NEW; END")]
        names.tables[0].triggers = [Trigger("a_touch", .before, [.update], function: "touch")]
        #expect(try Autogenerator(models: names, graph: try graph([])).differences(db) == [])
        // The database diffed against itself is empty, too.
        #expect(try Differ(dialect: PostgresDialect()).diff(from: schema, to: schema) == [])
    }

    @Test("keys and indexes named by column number: dropped columns, generated columns, a key to another schema, DESC, INCLUDE, opclass, expressions")
    func columnNumbers() throws {
        let test = try TestDatabase.make(.postgres)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript(
            """
            CREATE SCHEMA otro;
            CREATE TABLE otro.ext (code text PRIMARY KEY, n integer UNIQUE);
            CREATE TABLE p (x integer, id integer, k text, CONSTRAINT p_pk PRIMARY KEY (k, id));
            ALTER TABLE p DROP COLUMN x;
            CREATE TABLE c (
                dropped integer, a integer NOT NULL, b text, pid integer, pk text,
                g integer GENERATED ALWAYS AS (a * 2) STORED,
                ext text REFERENCES otro.ext (code), ext_n integer REFERENCES otro.ext (n),
                CONSTRAINT c_p FOREIGN KEY (pk, pid) REFERENCES p (k, id),
                CONSTRAINT c_g UNIQUE (g), CONSTRAINT c_ba UNIQUE (b, a));
            ALTER TABLE c DROP COLUMN dropped;
            CREATE INDEX ix_c ON c (b DESC NULLS LAST, a) INCLUDE (pid);
            CREATE INDEX ix_c_g ON c (g);
            CREATE INDEX ix_c_ops ON c (b text_pattern_ops, a);
            CREATE INDEX ix_c_expr ON c (a, lower(b));
            """)
        let schema = try db.dialect.implementation.introspect(db)
        let c = try #require(schema.table("c"))
        #expect(c.columns.map(\.name) == ["a", "b", "pid", "pk", "g", "ext", "ext_n"])  // dropped left out
        #expect(c.column("g")?.generated == .stored("a * 2") && c.column("g")?.defaultValue == nil)
        #expect(schema.table("p")?.primaryKey?.columns == ["k", "id"])
        #expect(Set(c.uniqueConstraints.map(\.columns)) == [["g"], ["b", "a"]])
        let keys = Dictionary(c.foreignKeys.map { ($0.name ?? "", $0) }) { a, _ in a }
        #expect(keys["c_p"]?.columns == ["pk", "pid"] && keys["c_p"]?.referencedColumns == ["k", "id"])
        #expect(keys["c_ext_fkey"]?.referencedTable == "ext" && keys["c_ext_fkey"]?.referencedColumns == ["code"])
        #expect(keys["c_ext_n_fkey"]?.referencedColumns == ["n"])
        let indexes = Dictionary(c.indexes.map { ($0.name ?? "", $0) }) { a, _ in a }
        #expect(indexes["ix_c"]?.keys == [.column("b"), .column("a")] && indexes["ix_c"]?.include == ["pid"])
        #expect(indexes["ix_c"]?.keyOptions.map(\.descending) == [true, false])
        #expect(indexes["ix_c"]?.keyOptions.map(\.nulls) == [.last, nil])  // DESC NULLS LAST is not the default; ASC NULLS LAST is
        #expect(indexes["ix_c_g"]?.keys == [.column("g")])
        #expect(indexes["ix_c_ops"]?.keys == [.column("b"), .column("a")] && indexes["ix_c_ops"]?.keyOptions.first?.opclass == "text_pattern_ops")
        #expect(indexes["ix_c_expr"]?.keys == [.column("a"), .expression("lower(b)")])
    }

    @Test("hand-made SQLite tables read back as the same schema", arguments: [
        """
        CREATE TABLE p (id INTEGER PRIMARY KEY AUTOINCREMENT, code text UNIQUE, qty int DEFAULT (1 + 1), ok boolean default TRUE);
        CREATE TABLE c (id integer, p_id integer constraint fk_c_p references p(id) on delete cascade, note varchar(20) default 'x''y',
          check (id > 0), constraint pk_c primary key (id));
        CREATE INDEX ix_c_note ON c (note) WHERE note IS NOT NULL;
        CREATE INDEX ix_c_expr ON c (lower(note));
        CREATE VIEW v AS SELECT * FROM c;
        CREATE TRIGGER tr AFTER INSERT ON c BEGIN SELECT 1; END;
        """
    ])
    func sqliteHandMade(sql: String) throws {
        let test = try TestDatabase.make(.sqlite)
        let db = try test.connect()
        defer { db.close() }
        try db.executeScript(sql)
        let schema = try SQLiteDialect().introspect(db)
        let p = try #require(schema.table("p")), c = try #require(schema.table("c"))
        #expect(p.column("id")?.autoincrement == true)
        #expect(p.column("qty")?.defaultValue == .expression("1 + 1"))
        #expect(p.column("ok")?.defaultValue == .boolean(true))
        #expect(p.uniqueConstraints.map(\.columns) == [["code"]])
        #expect(c.primaryKey == PrimaryKey(["id"], name: "pk_c"))
        #expect(c.foreignKeys == [ForeignKey(["p_id"], references: "p", ["id"], onDelete: .cascade, name: "fk_c_p")])
        #expect(c.column("note")?.defaultValue == .string("x'y"))
        #expect(c.checks == [CheckConstraint(nil, "id > 0")])
        #expect(c.indexes.first { $0.name == "ix_c_note" }?.predicate == "note IS NOT NULL")
        #expect(c.indexes.first { $0.name == "ix_c_expr" }?.keys == [.expression("lower(note)")])
        #expect(c.triggers.map(\.name) == ["tr"])
        #expect(try Differ(dialect: SQLiteDialect()).diff(from: schema, to: schema) == [])
        // A rebuild of c keeps its trigger and indexes.
        let migrator = Migrator(
            graph: try graph([try revision("r1", [.addConstraint(table: "c", constraint: .check(CheckConstraint("ck_c_p", "p_id > 0")))])]),
            connection: db)
        try migrator.upgrade(to: "head")
        let rebuilt = try #require(try SQLiteDialect().introspect(db).table("c"))
        #expect(rebuilt.triggers.map(\.name) == ["tr"])
        #expect(Set(rebuilt.indexes.compactMap(\.name)) == ["ix_c_note", "ix_c_expr"])
        #expect(rebuilt.checks.count == 2)
    }
}
