import ArgumentParser
import Foundation
@_exported import Retort

/// A project's migrate tool: its models and revisions, and the whole Retort command set.
///
/// ```swift
/// import RetortCLI
/// MigrateTool(name: "tareas", schema: tareasSchema, revisions: retortRevisions).main()
/// ```
public struct MigrateTool: Sendable {
    /// The tool's name, as its executable is called (it names the embedded SQLite file).
    public var name: String
    /// The models. Built on first use, not when the tool is made: commands that read a database
    /// build them while the database is read.
    public var schema: Schema {
        get { models.value }
        set { models = LazySchema { newValue } }
    }
    private var models: LazySchema
    /// The revision files, as the build plugin lists them.
    public var revisions: RevisionSet
    /// Tables Retort does not own (names and `*` patterns): never created, altered, dropped or reported.
    public var excludeTables: [String]
    /// Other objects Retort does not own, as `kind:pattern` (`view:report_*`).
    public var excludeObjects: [String]
    /// `autogen` writes safe plans (`--safe`) by default when the database is PostgreSQL.
    public var safeOnPostgres: Bool

    /// A migrate tool; `revisions` is the set the `RetortRevisions` plugin generates (`retortRevisions`).
    public init(
        name: String, schema: @autoclosure @escaping @Sendable () -> Schema, revisions: RevisionSet, excludeTables: [String] = [],
        excludeObjects: [String] = [], safeOnPostgres: Bool = false
    ) {
        self.excludeObjects = excludeObjects
        self.name = name
        self.models = LazySchema(schema)
        self.revisions = revisions
        self.excludeTables = excludeTables
        self.safeOnPostgres = safeOnPostgres
    }

    /// The tables and objects this tool leaves alone, with `extra` patterns from the command line.
    public func exclusions(_ extra: [String] = []) -> TableFilter { TableFilter(excludeTables + excludeObjects + extra) }

    /// The SQLite file used when neither `--url` nor `DATABASE_URL` is given.
    public var defaultDatabasePath: String {
        URL(fileURLWithPath: revisions.packageDirectory).appendingPathComponent(".retort/\(name).sqlite").path
    }

    /// Parses the process arguments, runs the command and exits with its status.
    public func main(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        MigrateCommand.configuration.commandName = name
        MigrateCommand.configuration.discussion = """
            The database comes from --url or DATABASE_URL; with neither, the embedded SQLite file
            \(defaultDatabasePath) is used.
            """
        exit(run(arguments))
    }

    /// Runs one command line with this tool's models and revisions; returns the exit status.
    public func run(_ arguments: [String]) -> Int32 {
        MigrateTool.$current.withValue(self) { CommandRunner.run(MigrateCommand.self, arguments: arguments) }
    }

    /// The tool the running command belongs to.
    @TaskLocal static var current: MigrateTool?
}

/// A schema built once, on first use, by whichever thread asks first.
///
/// `@unchecked Sendable` is safe: `make` and `built` are only read and written while `lock` is held.
private final class LazySchema: @unchecked Sendable {
    private let lock = NSLock()
    private var make: (@Sendable () -> Schema)?
    private var built: Schema?

    init(_ make: @escaping @Sendable () -> Schema) { self.make = make }

    var value: Schema {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let schema = make!()
        (built, make) = (schema, nil)
        return schema
    }
}
