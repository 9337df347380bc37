import Foundation
import Retort

/// The convergence corpus on disk: `Tests/Corpus/<dialect>/<case>/{before,after}.sql`.
enum Corpus {
    /// The corpus folder.
    static let root = repositoryRoot.appendingPathComponent("Tests/Corpus")

    static func cases(_ dialect: DialectName) -> [String] {
        let folder = root.appendingPathComponent(dialect.rawValue)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// How a case's databases are kept apart: extensions are database-wide, so a case that creates
    /// one gets databases of its own; the others share one, a schema each.
    static func isolation(_ dialect: DialectName, _ name: String) -> TestDatabase.Isolation {
        let text = ((try? fixture(dialect, name, "before")) ?? "") + ((try? fixture(dialect, name, "after")) ?? "")
        return text.range(of: "CREATE EXTENSION", options: .caseInsensitive) != nil ? .database : .schema
    }

    /// What the models of a case say beyond its `after.sql` (`hints.json`, optional): renames and
    /// backfill values. A case with hints is run by `autogen` (which reads them), not by `diff`.
    struct Hints: Codable {
        /// New table name → old.
        var tables: [String: String]?
        /// Table → new column name → old.
        var columns: [String: [String: String]]?
        /// Table → column → SQL value for its NULL rows.
        var backfills: [String: [String: String]]?
        /// Enum type → new value → old.
        var enumValues: [String: [String: String]]?

        /// The models with these hints on their tables.
        func apply(to schema: Schema) -> Schema {
            var schema = schema
            for i in schema.tables.indices {
                let name = schema.tables[i].name
                var h = TableHints()
                h.renamedFrom = tables?[name]
                h.columns = columns?[name] ?? [:]
                for (column, value) in backfills?[name] ?? [:] { h.backfills[column] = .expression(value) }
                if i == 0 { h.enumValues = enumValues ?? [:] }
                schema.tables[i].hints = h.isEmpty ? nil : h
            }
            return schema
        }
    }

    static func hints(_ dialect: DialectName, _ name: String) -> Hints? {
        let url = root.appendingPathComponent("\(dialect.rawValue)/\(name)/hints.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Hints.self, from: data)
    }

    static func fixture(_ dialect: DialectName, _ name: String, _ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("\(dialect.rawValue)/\(name)/\(file).sql"), encoding: .utf8)
    }
}
