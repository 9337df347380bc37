import Foundation

/// `check` of many tenant schemas of one PostgreSQL database at once, in a number of statements
/// that does not grow with the tenants: the version tables of all of them in one query, their
/// catalogs in the introspector's queries for one schema (`PostgresIntrospector.read(schemas:)`,
/// each printed exactly as a session of that schema prints it), then one comparison with the models
/// per distinct schema: tenants whose schemas read equal (objects and catalog facts, the schema's
/// own name aside) share one comparison, done with the first of them first on the search path.
/// Nothing is sampled or approximated: two tenants share a comparison only when what was read of
/// them is equal.
struct FleetSchemaCheck {
    var graph: RevisionGraph
    var models: Autogenerator

    /// One result per target, in order; every target is a schema of the database `db` is connected to.
    func results(_ targets: [FleetTarget], on db: any DatabaseConnection) throws -> [FleetResult] {
        let started = Date()
        let schemas = targets.map { $0.schema ?? "" }
        let path = try db.query("SELECT current_setting('search_path')", []).first?.first?.string ?? ""
        let versions = try Self.versionTables(schemas, on: db)
        let read = try PostgresIntrospector(db: db).read(schemas: schemas.filter { versions.exists.contains($0) })
        // Tenants whose schemas read the same share one comparison.
        var shapes: [Shape: [Int]] = [:], order: [Shape] = []
        var failures: [Int: String] = [:]
        var at: [Int: [String]] = [:]
        for (i, schema) in schemas.enumerated() {
            guard versions.exists.contains(schema), let found = read[schema] else {
                failures[i] = "schema '\(schema)' does not exist"
                continue
            }
            do {
                at[i] = try Self.heads(versions.rows[schema] ?? [], graph: graph)
            } catch {
                failures[i] = FleetRunner.line(error)
                continue
            }
            let shape = Shape(models.exclusions.apply(found))
            if shapes[shape] == nil { order.append(shape) }
            shapes[shape, default: []].append(i)
        }
        var differences: [Int: [String]] = [:]
        defer { _ = try? db.query("SELECT set_config('search_path', $1, false)", [.text(path)]) }
        for shape in order {
            let tenants = shapes[shape]!
            // The models' expressions are spelled by the server as this tenant's session would.
            _ = try db.query(
                "SELECT set_config('search_path', $1, false)", [.text(SQLText.quote(schemas[tenants[0]]) + (path.isEmpty ? "" : ", " + path))])
            do {
                let findings = try models.differences(from: shape.schema, on: db).map(\.summary)
                for i in tenants { differences[i] = findings }
            } catch {
                for i in tenants { failures[i] = FleetRunner.line(error) }
            }
        }
        let finished = Date()
        return targets.enumerated().map { i, target in
            if let failure = failures[i] {
                return FleetResult(target: target, status: .failed, started: started, finished: finished, error: failure)
            }
            return FleetResult.checked(
                target, heads: at[i] ?? [], graph: graph, differences: differences[i] ?? [], started: started, finished: finished)
        }
    }

    /// What was read of one schema, for grouping: its objects and catalog facts, without its name.
    struct Shape: Hashable {
        var schema: Schema
        var catalog: CatalogFacts
        var dependents: [ColumnReference: [String]]

        init(_ schema: Schema) {
            self.schema = schema
            catalog = schema.catalog
            catalog.schemaName = nil
            dependents = schema.dependents
        }
    }

    /// Which schemas exist, and the rows of the version table of those that have one, in one
    /// query whatever the number of schemas: the server reads each version table through
    /// `query_to_xml` (a `UNION ALL` of a thousand tables took longer to plan than to run),
    /// as one JSON array per schema (a NULL row stays NULL, for `VersionTable.heads` to refuse).
    static func versionTables(_ schemas: [String], on db: any DatabaseConnection) throws
        -> (exists: Set<String>, rows: [String: [String?]])
    {
        let found = try db.query(
            """
            SELECT s.name,
                   CASE WHEN c.oid IS NOT NULL
                        THEN query_to_xml(format('SELECT json_agg(revision)::text AS j FROM %I.%I', s.name, $2::text), false, true, '')::text
                   END
            FROM unnest($1::text[]) AS s(name)
            JOIN pg_namespace n ON n.nspname = s.name
            LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = $2 AND c.relkind IN ('r', 'p')
            """, [.text(PostgresArrayText.literal(schemas)), .text(VersionTable.name)])
        var exists: Set<String> = [], rows: [String: [String?]] = [:]
        for row in found {
            guard let name = row.first?.string else { continue }
            exists.insert(name)
            guard row.count > 1, let xml = row[1].string else { continue }
            rows[name] = try revisions(inXML: xml, schema: name)
        }
        return (exists, rows)
    }

    /// The revisions `query_to_xml` printed as `<row><j>["r1", null]</j></row>` (no `<j>`: none).
    static func revisions(inXML xml: String, schema: String) throws -> [String?] {
        guard let open = xml.range(of: "<j>"), let close = xml.range(of: "</j>", range: open.upperBound..<xml.endIndex) else { return [] }
        let text = String(xml[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        guard let values = try? JSONDecoder().decode([String?].self, from: Data(text.utf8)) else {
            throw BookkeepingError(problem: "the version table of schema \(schema) could not be read: \(text.prefix(80))")
        }
        return values
    }

    /// The heads a version table's rows record, checked as `VersionTable.heads` checks them.
    static func heads(_ rows: [String?], graph: RevisionGraph) throws -> [String] {
        try Migrator.translate(try VersionTable.heads(rows: rows), graph: graph).sorted()
    }
}
