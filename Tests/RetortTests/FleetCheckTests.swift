import Foundation
@testable import Retort
import Testing

/// `check` over the tenant schemas of one PostgreSQL database: every schema read in the queries of
/// one, each exactly as a session of that schema reads it alone, and compared once per distinct schema.
@Suite("Fleet check of tenant schemas: read together, as each reads alone, in statements that do not grow with the tenants")
struct FleetCheckTests {
    /// What every tenant holds beyond `FleetTests.history()`: names PostgreSQL prints with their
    /// schema when the search path does not find it (an enum type in a column, a default, a check,
    /// an index predicate, a view, a function's signature and a trigger).
    static let extras = """
        CREATE TYPE mood AS ENUM ('ok', 'meh');
        CREATE SEQUENCE ticket_no;
        CREATE TABLE visits (id integer PRIMARY KEY, m mood NOT NULL DEFAULT 'ok', ticket bigint DEFAULT nextval('ticket_no'),
                             seen timestamptz, CHECK (m <> 'meh' OR ticket IS NOT NULL));
        CREATE INDEX ix_visits_ok ON visits (seen) WHERE m = 'ok'::mood;
        CREATE VIEW happy AS SELECT id, m FROM visits WHERE m = 'ok';
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN NEW.seen := now(); RETURN NEW; END';
        CREATE FUNCTION moods(x mood) RETURNS SETOF visits LANGUAGE sql STABLE AS 'SELECT * FROM visits WHERE m = x';
        CREATE TRIGGER visits_touch BEFORE UPDATE ON visits FOR EACH ROW EXECUTE FUNCTION touch()
        """

    /// `count` tenants at head of `FleetTests.history()`, each with `extras`, and one other schema.
    static func tenants(_ pg: TestDatabase, count: Int) throws -> [FleetTarget] {
        let targets = try FleetTests.tenantSchemas(pg, count: count)
        #expect(FleetMigration(graph: try RevisionGraph(FleetTests.history()), policy: FleetPolicy(parallel: 4)).upgrade(targets).succeeded)
        for t in targets {
            let db = try t.connect()
            defer { db.close() }
            try db.executeScript(extras)
        }
        return targets
    }

    /// A tenant read alone, on a session of its own.
    static func alone(_ target: FleetTarget) throws -> Schema {
        let db = try target.connect()
        defer { db.close() }
        return try PostgresIntrospector(db: db).read()
    }

    @Test("a read of many schemas equals each schema's read on a session of its own, catalog facts included")
    func readTogetherEqualsAlone() throws {
        let pg = try TestDatabase.make(.postgres)
        let targets = try Self.tenants(pg, count: 3)
        let db = try pg.connect()
        defer { db.close() }
        try db.executeScript("ALTER TABLE tenant_2.visits ADD COLUMN note text")
        let together = try PostgresIntrospector(db: db).read(schemas: targets.map { $0.schema! } + ["missing"])
        for t in targets {
            let alone = try Self.alone(t)
            let read = try #require(together[t.schema!])
            #expect(read == alone, "\(t.name)")
            #expect(read.catalog == alone.catalog, "\(t.name)")
            #expect(read.dependents == alone.dependents, "\(t.name)")
            // Nothing the tenant's session finds is printed with its schema.
            var unnamed = read
            unnamed.catalog.schemaName = nil
            #expect(!String(describing: unnamed).contains("tenant_"), "\(t.name)")
        }
        #expect(together["missing"]?.tables.isEmpty == true)
        #expect(try db.query("SELECT current_setting('search_path')").first?.first?.string == "\"$user\", public")
        // Inside a transaction the path the queries set is given back too.
        try db.executeScript("BEGIN")
        _ = try PostgresIntrospector(db: db).read(schemas: targets.map { $0.schema! })
        #expect(try db.query("SELECT current_setting('search_path')").first?.first?.string == "\"$user\", public")
        try db.executeScript("ROLLBACK")
    }

    @Test("check of 12 tenants sends as many statements as 3; findings equal the ones each tenant's own check finds")
    func constantStatements() throws {
        let pg = try TestDatabase.make(.postgres)
        let targets = try Self.tenants(pg, count: 12)
        let graph = try RevisionGraph(FleetTests.history())
        let models = try Autogenerator(models: try Self.alone(targets[0]), graph: graph)
        let check = FleetSchemaCheck(graph: graph, models: models)
        func counted(_ targets: [FleetTarget]) throws -> (statements: Int, results: [FleetResult]) {
            let db = CountingConnection(try pg.connect())
            defer { db.close() }
            let results = try check.results(targets, on: db)
            return (db.count, results)
        }
        let few = try counted(Array(targets.prefix(3))), all = try counted(targets)
        #expect(all.results.allSatisfy { $0.status == .done }, "\(all.results.map(\.findings))")
        #expect(few.statements == all.statements, "3 tenants: \(few.statements) statements, 12: \(all.statements)")
        #expect(all.results.allSatisfy { $0.to == ["r3"] })

        // Drift in three tenants, two of them alike; one tenant behind by a revision.
        let db = try pg.connect()
        defer { db.close() }
        try db.executeScript(
            """
            CREATE INDEX ix_legacy ON tenant_2.visits (ticket); CREATE INDEX ix_legacy ON tenant_3.visits (ticket);
            ALTER TABLE tenant_4.visits DROP CONSTRAINT visits_check, ADD CHECK (m <> 'meh');
            UPDATE tenant_5.retort_version SET revision = 'r2'
            """)
        let drift = try counted(targets)
        let result = Dictionary(uniqueKeysWithValues: zip(targets.map { $0.schema! }, drift.results))
        #expect(Set(result.filter { $0.value.status == .drifted }.keys) == ["tenant_2", "tenant_3", "tenant_4", "tenant_5"])
        #expect(result["tenant_5"]?.findings == ["pending revision r3"] && result["tenant_5"]?.to == ["r2"])
        for t in targets where ["tenant_2", "tenant_3", "tenant_4"].contains(t.schema!) {
            let own = try t.connect()
            defer { own.close() }
            #expect(result[t.schema!]?.findings == (try models.differences(own).map(\.summary)), "\(t.name)")
        }
        #expect(result["tenant_2"]?.findings == result["tenant_3"]?.findings && result["tenant_2"]?.findings != result["tenant_4"]?.findings)
        // Three shapes now: one more comparison each (a search path and what the comparison sends).
        #expect(drift.statements > all.statements)

        // A missing schema fails alone; the report says why.
        try db.executeScript("DROP SCHEMA tenant_12 CASCADE")
        let gone = Dictionary(uniqueKeysWithValues: zip(targets.map { $0.schema! }, try counted(targets).results))
        #expect(gone["tenant_12"]?.status == .failed && gone["tenant_12"]?.error?.contains("does not exist") == true)
        #expect(gone["tenant_1"]?.status == .done)
    }

    @Test("version tables read through query_to_xml: escapes undone, a NULL row kept (and refused), an empty table none")
    func versionRowsFromXML() throws {
        #expect(try FleetSchemaCheck.revisions(inXML: "<row>\n  <j>[\"r1\", \"a&amp;b&lt;c\", null]</j>\n</row>\n", schema: "s") == ["r1", "a&b<c", nil])
        #expect(try FleetSchemaCheck.revisions(inXML: "<row>\n</row>\n", schema: "s").isEmpty)
        #expect(throws: BookkeepingError.self) { try VersionTable.heads(rows: try FleetSchemaCheck.revisions(inXML: "<row><j>[null]</j></row>", schema: "s")) }
        #expect(throws: BookkeepingError.self) { try FleetSchemaCheck.revisions(inXML: "<row><j>[nonsense</j></row>", schema: "s") }
    }
}
