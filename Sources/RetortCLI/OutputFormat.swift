import ArgumentParser
import Foundation

/// `--format text|json` for commands with machine-readable output (described under `schema/`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints a value as JSON on stdout (sorted keys, so output is stable).
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// A revision as JSON output describes it.
struct RevisionJSON: Encodable {
    var id: String
    var parents: [String]
    var message: String
    var createdAt: String
    var isHead: Bool
    var isCurrent: Bool
    var replaces: [String]
}
