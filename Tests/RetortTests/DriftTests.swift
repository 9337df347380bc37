import Foundation
import Retort
import Testing

/// The drift checks and machine-readable outputs, run as a user runs them: through the tareas
/// migrate tool and the stand-alone `retort` executable.
@Suite("Drift: check, diff and JSON outputs", .serialized)
struct DriftTests {
    static func schema(_ name: String) throws -> JSONSchemaValidator {
        try JSONSchemaValidator(file: repositoryRoot.appendingPathComponent("schema/\(name).schema.json"))
    }

    @Test("check: clean, behind head, changed by hand, models edited without a revision — each its own status",
          arguments: allDialects)
    func checkFindings(dialect: DialectName) throws {
        let package = try ExamplePackages.prepareCopy("tareas", as: "tareas-drift")
        try ExamplePackages.build(package)
        let tool = package.appendingPathComponent(".build/debug/tareas").path
        let db = try TestDatabase.make(dialect)
        try db.connect().close()  // an empty database: check never creates one
        let url = ["--url", db.url.description]
        let checkSchema = try Self.schema("check")
        func check() throws -> (Int32, String) {
            let r = try runProcess(tool, ["check", "--format", "json"] + url)
            #expect(try checkSchema.errors(in: r.stdout) == [], "\(r.stdout)")
            return (r.status, r.stdout)
        }
        _ = try runProcess(tool, ["upgrade", "-1"] + url)  // not a valid upgrade target: nothing happens
        var (status, out) = try check()
        #expect(status == 10 && out.contains("pendingRevisions"))
        #expect(try runProcess(tool, ["upgrade", "head"] + url).status == 0)
        (status, _) = try check()
        #expect(status == 0)

        // Changed by hand.
        let conn = try db.connect()
        try conn.execute("CREATE INDEX ix_manual ON tareas (prioridad)")
        (status, out) = try check()
        #expect(status == 1 && out.contains("drop index ix_manual on tareas"))
        try conn.execute("DROP INDEX ix_manual")
        conn.close()

        // The models edited without autogen.
        let models = package.appendingPathComponent("Sources/TareasSchema/Models.swift")
        let text = try String(contentsOf: models, encoding: .utf8).replacingOccurrences(
            of: "        Check(", with: "        Column(\"vence_en\", .date, nullable: true)\n        Check(")
        try text.write(to: models, atomically: true, encoding: .utf8)
        try ExamplePackages.build(package)
        (status, out) = try check()
        #expect(status == 11 && out.contains("add column tareas.vence_en date NULL"))

        // JSON of history, heads and current.
        for (command, schema) in [("history", "history"), ("heads", "heads"), ("current", "current")] {
            let r = try runProcess(tool, [command, "--format", "json"] + (command == "heads" ? [] : url))
            #expect(r.status == 0)
            #expect(try Self.schema(schema).errors(in: r.stdout) == [], "\(command): \(r.stdout)")
        }
        let current = try runProcess(tool, ["current", "--format", "json"] + url)
        #expect(current.stdout.contains("\"atHead\" : true"))
    }

    static let fromSQL: [DialectName: String] = [
        .sqlite: """
            CREATE TABLE clientes (id INTEGER NOT NULL PRIMARY KEY, nombre VARCHAR(50) NOT NULL, email TEXT, viejo INTEGER);
            CREATE TABLE pedidos (id INTEGER NOT NULL PRIMARY KEY, cliente_id INTEGER NOT NULL, total NUMERIC(10, 2) NOT NULL DEFAULT 0);
            CREATE INDEX ix_pedidos_total ON pedidos (total);
            CREATE TABLE obsoleta (id INTEGER NOT NULL PRIMARY KEY);
            INSERT INTO clientes VALUES (1, 'Ana', 'ana@example.com', 7);
            INSERT INTO pedidos VALUES (1, 1, 10.5);
            """,
        .postgres: """
            CREATE TABLE clientes (id integer PRIMARY KEY, nombre varchar(50) NOT NULL, email text, viejo integer);
            CREATE TABLE pedidos (id integer PRIMARY KEY, cliente_id integer NOT NULL, total numeric(10,2) NOT NULL DEFAULT 0);
            CREATE INDEX ix_pedidos_total ON pedidos (total);
            CREATE TABLE obsoleta (id integer PRIMARY KEY);
            INSERT INTO clientes VALUES (1, 'Ana', 'ana@example.com', 7);
            INSERT INTO pedidos VALUES (1, 1, 10.5);
            """,
    ]
    static let toSQL: [DialectName: String] = [
        .sqlite: """
            CREATE TABLE clientes (id INTEGER NOT NULL PRIMARY KEY, nombre VARCHAR(120) NOT NULL, email TEXT NOT NULL DEFAULT '',
              alta DATE, CONSTRAINT uq_clientes_email UNIQUE (email));
            CREATE TABLE pedidos (id INTEGER NOT NULL PRIMARY KEY, cliente_id INTEGER NOT NULL, total NUMERIC(12, 2) NOT NULL DEFAULT 0,
              CONSTRAINT fk_pedidos_cliente FOREIGN KEY (cliente_id) REFERENCES clientes (id) ON DELETE CASCADE,
              CONSTRAINT ck_pedidos_total CHECK (total >= 0));
            CREATE INDEX ix_pedidos_cliente ON pedidos (cliente_id, total);
            CREATE TABLE nueva (id INTEGER NOT NULL PRIMARY KEY, nota TEXT);
            """,
        .postgres: """
            CREATE TABLE clientes (id integer PRIMARY KEY, nombre varchar(120) NOT NULL, email text NOT NULL DEFAULT '',
              alta date, CONSTRAINT uq_clientes_email UNIQUE (email));
            CREATE TABLE pedidos (id integer PRIMARY KEY, cliente_id integer NOT NULL, total numeric(12,2) NOT NULL DEFAULT 0,
              CONSTRAINT fk_pedidos_cliente FOREIGN KEY (cliente_id) REFERENCES clientes (id) ON DELETE CASCADE,
              CONSTRAINT ck_pedidos_total CHECK (total >= 0));
            CREATE INDEX ix_pedidos_cliente ON pedidos (cliente_id, total);
            CREATE TABLE nueva (id integer PRIMARY KEY, nota text);
            """,
    ]

    @Test("diff between two live databases: applying its SQL makes them equal, and a second diff is empty",
          arguments: allDialects)
    func diffDatabases(dialect: DialectName) throws {
        let tool = try RetortTool.path()
        let from = try TestDatabase.make(dialect), to = try TestDatabase.make(dialect)
        let a = try from.connect(), b = try to.connect()
        defer { a.close(); b.close() }
        try a.executeScript(Self.fromSQL[dialect]!)
        try b.executeScript(Self.toSQL[dialect]!)
        let args = ["diff", "--from", from.url.description, "--to", to.url.description]

        let json = try runProcess(tool, args + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try Self.schema("diff").errors(in: json.stdout) == [], "\(json.stdout)")
        #expect(json.stdout.contains("drop table obsoleta") && json.stdout.contains("create table nueva"))

        let sql = try runProcess(tool, args)
        #expect(sql.status == 0, "\(sql.stderr)")
        try a.executeScript(sql.stdout)
        let again = try runProcess(tool, args)
        #expect(again.status == 0)
        #expect(again.stdout.isEmpty, "\(again.stdout)")
        #expect(try a.query("SELECT nombre FROM clientes").first?.first?.string == "Ana")
        #expect(try a.query("SELECT count(*) FROM pedidos").first?.first?.int == 1)

        let bad = try runProcess(tool, ["diff", "--from", "nope://x", "--to", to.url.description])
        #expect(bad.status == 2 && bad.stderr.split(separator: "\n").count == 1)
    }
}
