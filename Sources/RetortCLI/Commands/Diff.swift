import ArgumentParser
import Foundation
import Retort

/// `diff --from URL --to URL`: what turns one live database's schema into another's.
public struct DiffCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print what turns the schema of one database (--from) into another's (--to).",
        discussion: "As SQL for the --from database's dialect (default) or as JSON (schema/diff.schema.json).")

    @Option(help: "The database to change.")
    var from: String

    @Option(help: "The database whose schema is wanted.")
    var to: String

    @Option(help: "sql or json.")
    var format: DiffFormat = .sql

    @Option(help: "PostgreSQL schema to compare on both sides (default: each connection's search_path).")
    var schema: String?

    @Option(name: .customLong("exclude-table"), help: "A table (or * pattern) to leave out on both sides; repeatable.")
    var excludeTables: [String] = []

    @Option(
        name: .customLong("exclude-object"), help: "An object of another kind Retort does not own, as KIND:PATTERN (view:report_*); repeatable.",
        transform: TableFilter.objectPattern)
    var excludeObjects: [String] = []

    enum DiffFormat: String, ExpressibleByArgument, CaseIterable { case sql, json }

    public init() {}

    struct Output: Encodable {
        struct Item: Encodable {
            var summary: String
            var table: String?
            var operation: MigrationOperation
        }
        var from: DialectName
        var to: DialectName
        var operations: [Item]
        var sql: [String]
    }

    public func run() throws {
        let fromURL = try DatabaseURL(from), toURL = try DatabaseURL(to)
        let source = try fromURL.connect(), target = try toURL.connect()
        defer {
            source.close()
            target.close()
        }
        let settings = SessionSettings(schema: schema)
        try settings.apply(to: source)
        try settings.apply(to: target)
        let dialect = source.dialect.implementation
        let filter = TableFilter(excludeTables + excludeObjects)
        let current = filter.apply(try dialect.introspect(source))
        let wanted = filter.apply(try target.dialect.implementation.introspect(target))
        let plan = try PlanPipeline(dialect: dialect).plan(from: current, to: wanted)
        let ops = plan.operations
        // Added enum values commit before anything uses them (PostgreSQL refuses a value added in
        // the same transaction): the script commits after the group that adds them.
        var transactions: [[String]] = [[]]
        var schema = dialect.spelling(current, as: wanted)
        for group in plan.groups {
            transactions[transactions.count - 1] += try dialect.render(group.operations, from: schema).map(dialect.scriptSQL)
            for op in group.operations { try schema.apply(op) }
            if group.operations.contains(where: { if case .addEnumValue = $0 { true } else { false } }) { transactions.append([]) }
        }
        transactions.removeAll { $0.isEmpty }
        let statements = transactions.flatMap { $0 }
        switch format {
        case .json:
            try printJSON(
                Output(
                    from: source.dialect, to: target.dialect,
                    operations: ops.map { Output.Item(summary: $0.summary, table: $0.tableName, operation: $0) }, sql: statements))
        case .sql:
            guard !ops.isEmpty else {
                Console.info("no differences")
                return
            }
            var lines = ["-- Retort: \(fromURL) -> \(toURL)"]
            lines += dialect.beforeTransaction.map { $0 + ";" }
            for transaction in transactions {
                lines.append("BEGIN;")
                lines += transaction.map { $0 + ";" }
                lines.append("COMMIT;")
            }
            lines += dialect.afterTransaction.map { $0 + ";" }
            print(lines.joined(separator: "\n"))
        }
    }
}
