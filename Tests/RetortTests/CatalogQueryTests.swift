import Foundation
@testable import Retort
import Testing

/// Every catalog query is decoded into a record type whose stored properties are its column
/// aliases: a column with no field, or a field with no column, fails here (and on every read).
@Suite("Catalog queries: each one's columns are exactly its record's fields")
struct CatalogQueryTests {
    /// A record's stored property names, read with `Mirror` from one decoded row.
    static func fields<R: CatalogRecord>(_ record: R) -> Set<String> {
        Set(Mirror(reflecting: record).children.compactMap(\.label))
    }

    static func check<R: CatalogRecord>(_ result: QueryResult, _ type: R.Type) throws {
        let records = try CatalogRow.decode(result, as: type)
        #expect(!records.isEmpty, "\(type): the fixture should give the query rows to read")
        if let first = records.first {
            #expect(fields(first) == Set(result.columns), "\(type): fields \(fields(first).sorted()) vs columns \(result.columns)")
        }
    }

    @Test("PostgreSQL: columns, constraints, indexes and objects")
    func postgres() throws {
        let db = try TestDatabase.make(.postgres)
        let c = try db.connect()
        defer { c.close() }
        try c.executeScript("""
            CREATE TYPE mood AS ENUM ('ok', 'meh');
            CREATE TABLE p (id serial PRIMARY KEY, m mood, n int GENERATED ALWAYS AS (id + 1) STORED, t text COLLATE "C");
            CREATE TABLE q (id int GENERATED ALWAYS AS IDENTITY (START 5) PRIMARY KEY, p int REFERENCES p, u text UNIQUE,
                            CHECK (id > 0));
            CREATE INDEX q_u ON q (lower(u) DESC) INCLUDE (p);
            CREATE INDEX q_p ON q (p) WITH (fillfactor = 70);
            CREATE VIEW v AS SELECT u FROM q;
            """)
        guard let pg = c as? PostgresConnection else { throw DatabaseError("not PostgreSQL") }
        let version = pg.serverVersion
        let session = try PostgresIntrospector.prepare(c)
        let schemas = [session.schema ?? "public"]
        // As the session prints, as a second session printing under its path, and as a read of many schemas.
        for scope in [PostgresCatalogScope(schemas: schemas), PostgresCatalogScope(schemas: schemas, path: .whole(session.path)),
                      PostgresCatalogScope(schemas: schemas + ["other"], path: .after(session.path))] {
            try Self.check(try c.queryResult(PostgresIntrospector.columnsQuery(scope), scope.parameters), PostgresColumnRow.self)
            try Self.check(try c.queryResult(PostgresIntrospector.constraintsQuery(version: version, scope), scope.parameters), PostgresConstraintRow.self)
            try Self.check(try c.queryResult(PostgresIntrospector.indexesQuery(version: version, scope), scope.parameters), PostgresIndexRow.self)
            try Self.check(try c.queryResult(PostgresIntrospector.objectsQuery(scope), scope.parameters), PostgresObjectRow.self)
        }
    }

    @Test("SQLite: columns, foreign keys, indexes and triggers")
    func sqlite() throws {
        let db = try TestDatabase.make(.sqlite)
        let c = try db.connect()
        defer { c.close() }
        try c.executeScript("""
            CREATE TABLE p (id INTEGER PRIMARY KEY, t TEXT UNIQUE);
            CREATE TABLE q (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p (id));
            CREATE INDEX q_p ON q (p DESC);
            CREATE TRIGGER q_t AFTER INSERT ON q BEGIN SELECT 1; END;
            """)
        try Self.check(try c.queryResult(SQLiteIntrospector.columnsQuery, []), SQLiteColumnRow.self)
        try Self.check(try c.queryResult(SQLiteIntrospector.foreignKeysQuery, []), SQLiteForeignKeyRow.self)
        try Self.check(try c.queryResult(SQLiteIntrospector.indexesQuery, []), SQLiteIndexKeyRow.self)
        try Self.check(try c.queryResult(SQLiteIntrospector.objectsQuery, []), SQLiteObjectRow.self)
    }

    @Test("a record that reads a name the query lacks, or leaves a column unread, is refused by name")
    func mismatch() throws {
        struct Short: CatalogRecord {
            var a: String?
            init(_ row: CatalogRow) { a = row.string("a") }
        }
        let result = QueryResult(columns: ["a", "b"], rows: [[.text("x"), .text("y")]])
        #expect(throws: CatalogMismatch.self) { try CatalogRow.decode(result, as: Short.self) }
        let other = QueryResult(columns: ["z"], rows: [[.text("x")]])
        let error = #expect(throws: CatalogMismatch.self) { try CatalogRow.decode(other, as: Short.self) }
        #expect(error?.description.contains("column(s) z have no field") == true)
        #expect(error?.description.contains("field(s) a have no column") == true)
    }

    @Test("rows after the first are read by the first row's order, and by name when a record reads otherwise")
    func order() throws {
        struct Conditional: CatalogRecord {
            var a: String?
            var b: String?
            init(_ row: CatalogRow) {
                // Reads `a` only when `b` is not "skip": the second row goes by name.
                b = row.string("b")
                a = b == "skip" ? nil : row.string("a")
            }
        }
        let result = QueryResult(
            columns: ["a", "b"], rows: [[.text("1"), .text("x")], [.text("2"), .text("skip")], [.text("3"), .text("y")]])
        let records = try CatalogRow.decode(result, as: Conditional.self)
        #expect(records.map(\.a) == ["1", nil, "3"])
        #expect(records.map(\.b) == ["x", "skip", "y"])
    }
}
