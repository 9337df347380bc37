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

    static func fixture(_ dialect: DialectName, _ name: String, _ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("\(dialect.rawValue)/\(name)/\(file).sql"), encoding: .utf8)
    }
}
