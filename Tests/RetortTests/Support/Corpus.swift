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

    static func fixture(_ dialect: DialectName, _ name: String, _ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("\(dialect.rawValue)/\(name)/\(file).sql"), encoding: .utf8)
    }
}
