import Foundation

/// One database of a fleet: a database, or one schema of a PostgreSQL database, with its own lock,
/// version table and applied revisions.
public struct FleetTarget: Hashable, Sendable, CustomStringConvertible {
    /// Where the database is.
    public var url: DatabaseURL
    /// The PostgreSQL schema the target is (schema per tenant), or nil for the whole database's
    /// default schema.
    public var schema: String?
    /// The name reports use: the one given, else the URL with its password removed (and the schema).
    public var name: String
    /// A group the target belongs to (from a targets file), for reports.
    public var group: String?

    /// A target; without a name, reports call it by its URL with the password removed.
    public init(url: DatabaseURL, schema: String? = nil, name: String? = nil, group: String? = nil) {
        self.url = url
        self.schema = schema
        self.group = group
        self.name = name ?? (url.description + (schema.map { " schema \($0)" } ?? ""))
    }

    public var description: String { name }

    /// The server the target is on (host, port and user; the database left out), for the limit
    /// of connections per server; an SQLite file is a server of its own.
    public var server: String {
        switch url {
        case .sqlite(let path): return "sqlite:" + path
        case .postgres(let pg):
            let keys = ["host", "hostaddr", "port", "user"]
            return "postgres:" + keys.map { pg.parameter($0) ?? "" }.joined(separator: "|")
        }
    }

    /// Opens the target (a missing SQLite file is created only with `create`): the connection, with
    /// the session settings and, for a schema target, that
    /// schema first on the search path and the database's own path after it (where extensions'
    /// types live).
    public func connect(settings: SessionSettings = SessionSettings(), create: Bool = true) throws -> any DatabaseConnection {
        let db = try url.connect(create: create)
        do {
            var settings = settings
            if let schema {
                settings.schema = schema
                settings.schemaBeforePath = true
            }
            try settings.apply(to: db)
            return db
        } catch {
            db.close()
            throw error
        }
    }
}

/// A fleet's targets as the command line names them: every schema or database matching a pattern,
/// a targets file, or the rows of a query.
public enum FleetTargets {
    /// Every schema of the database at `url` whose name matches `pattern` (`*` stands for any run
    /// of characters, as in the exclusion filters), in name order. System schemas never match.
    public static func eachSchema(_ pattern: String, on url: DatabaseURL) throws -> [FleetTarget] {
        guard case .postgres = url else { throw DatabaseURLError(description: "--each-schema needs a PostgreSQL URL; SQLite has one schema") }
        let db = try url.connect(create: false)
        defer { db.close() }
        let names = try db.query(
            """
            SELECT nspname FROM pg_namespace
            WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname
            """, []
        ).compactMap { $0.first?.string }
        return names.filter { TableFilter.matches($0, pattern) }.map { FleetTarget(url: url, schema: $0) }
    }

    /// Every database of the server at `url` whose name matches `pattern` and that accepts
    /// connections (templates never match), in name order.
    public static func eachDatabase(_ pattern: String, on url: DatabaseURL) throws -> [FleetTarget] {
        guard case .postgres(let server) = url else {
            throw DatabaseURLError(description: "--each-database needs a PostgreSQL URL; for SQLite files use --targets with a glob")
        }
        let db = try url.connect(create: false)
        defer { db.close() }
        let names = try db.query("SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate ORDER BY datname", [])
            .compactMap { $0.first?.string }
        return names.filter { TableFilter.matches($0, pattern) }.map { FleetTarget(url: .postgres(server.replacingDatabase(with: $0))) }
    }

    /// The targets a file lists: JSON (an array of `{"url": …, "name": …, "group": …, "schema": …}`,
    /// only `url` required) or plain lines (`URL [NAME [GROUP]]`, `#` comments). An SQLite URL may
    /// be a glob of files (`sqlite:///data/tenants/*.db`), which lists each file that exists.
    public static func file(_ path: String) throws -> [FleetTarget] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DatabaseURLError(description: "cannot read the targets file '\(path)'")
        }
        struct Entry: Decodable {
            var url: String
            var name: String?
            var group: String?
            var schema: String?
        }
        var entries: [(entry: Entry, line: String)] = []
        if text.drop(while: \.isWhitespace).first == "[" {
            do {
                entries = try JSONDecoder().decode([Entry].self, from: data).enumerated().map { ($1, "entry \($0 + 1)") }
            } catch {
                throw DatabaseURLError(description: "the targets file '\(path)' is not a JSON array of {\"url\": …} objects: \(error)")
            }
        } else {
            for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty, !line.hasPrefix("#") else { continue }
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard words.count <= 3 else {
                    throw DatabaseURLError(description: "\(path):\(i + 1): a line is URL [NAME [GROUP]], found \(words.count) words")
                }
                entries.append((Entry(url: words[0], name: words.count > 1 ? words[1] : nil, group: words.count > 2 ? words[2] : nil), "\(path):\(i + 1)"))
            }
        }
        var targets: [FleetTarget] = []
        for (entry, place) in entries {
            let url: DatabaseURL
            do { url = try DatabaseURL(entry.url) } catch { throw DatabaseURLError(description: "\(place): \(error)") }
            if case .sqlite(let pattern) = url, pattern.contains("*") || pattern.contains("?") {
                for file in try glob(pattern) {
                    targets.append(FleetTarget(url: .sqlite(path: file), name: entry.name.map { "\($0)/\((file as NSString).lastPathComponent)" }, group: entry.group))
                }
            } else {
                targets.append(FleetTarget(url: url, schema: entry.schema, name: entry.name, group: entry.group))
            }
        }
        try requireDistinct(targets)
        return targets
    }

    /// The targets a query on `url` returns (a tenant registry): one URL per row in the first
    /// column, with an optional name in the second and group in the third.
    public static func query(_ sql: String, on url: DatabaseURL) throws -> [FleetTarget] {
        let db = try url.connect(create: false)
        defer { db.close() }
        let rows = try db.query(sql, [])
        var targets: [FleetTarget] = []
        for (i, row) in rows.enumerated() {
            guard let text = row.first?.string else { throw DatabaseURLError(description: "--targets-query: row \(i + 1) has no URL in its first column") }
            let target = try DatabaseURL(text)
            targets.append(FleetTarget(url: target, name: row.count > 1 ? row[1].string : nil, group: row.count > 2 ? row[2].string : nil))
        }
        try requireDistinct(targets)
        return targets
    }

    /// A target listed twice would be migrated by two workers at once (they would queue on its lock).
    static func requireDistinct(_ targets: [FleetTarget]) throws {
        var seen = Set<String>()
        for t in targets where !seen.insert(t.name).inserted {
            throw DatabaseURLError(description: "the target '\(t.name)' is listed twice")
        }
    }

    /// The files a glob names, in name order (none is an empty list, not an error).
    static func glob(_ pattern: String) throws -> [String] {
        var found = glob_t()
        defer { globfree(&found) }
        let status = Foundation.glob(pattern, 0, nil, &found)
        guard status == 0 else { return [] }
        return (0..<Int(found.gl_pathc)).compactMap { found.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
