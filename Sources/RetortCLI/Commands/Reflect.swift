import ArgumentParser
import Foundation
import Retort

/// `reflect`: a live database's schema as Swift models.
public struct ReflectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "reflect",
        abstract: "Write a live database's schema as Swift models in Retort's DSL (stdout, or one file per table with --output).",
        discussion: """
            Every table, column, key, index, check, default and comment (PostgreSQL enum types and sequences
            too); types Retort has no portable name for keep the database's spelling in nativeTypes. Compiled
            into a migrate tool, the models diff to nothing against the database they came from.
            """)

    @Option(help: "The database to read (default in a migrate tool: DATABASE_URL, else its embedded SQLite file).")
    var url: String?

    @Option(help: "Write one file per table and Schema.swift into this folder instead of printing one file.")
    var output: String?

    @Option(help: "The name of the Schema constant.")
    var variable = "schema"

    @Option(help: "PostgreSQL schema to read (default: the search_path, usually public).")
    var schema: String?

    @Option(name: .customLong("exclude-table"), help: "A table (or * pattern) to leave out; repeatable.")
    var excludeTables: [String] = []

    @Option(
        name: .customLong("exclude-object"), help: "An object of another kind Retort does not own, as KIND:PATTERN (view:report_*); repeatable.",
        transform: TableFilter.objectPattern)
    var excludeObjects: [String] = []

    public init() {}

    public func run() throws {
        let tool = MigrateTool.current
        let databaseURL: DatabaseURL
        if let url {
            databaseURL = try DatabaseURL(url)
        } else if let env = ProcessInfo.processInfo.environment["DATABASE_URL"], !env.isEmpty {
            databaseURL = try DatabaseURL(env)
        } else if let tool {
            databaseURL = .sqlite(path: tool.defaultDatabasePath)
        } else {
            throw UsageError(description: "--url is required")
        }
        let db = try databaseURL.connect()
        defer { db.close() }
        try SessionSettings(schema: schema).apply(to: db)
        let read = TableFilter(excludeTables + excludeObjects + (tool?.exclusions().patterns ?? [])).apply(try db.dialect.implementation.introspect(db))
        let reflector = Reflector(dialect: db.dialect, variable: variable)
        let source = databaseURL.description
        guard let output else {
            print(reflector.file(read, source: source), terminator: "")
            return
        }
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in reflector.files(read, source: source) {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            Console.out(file.path)
        }
    }
}
