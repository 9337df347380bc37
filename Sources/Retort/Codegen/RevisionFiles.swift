import Foundation

/// The revision files in a folder: finding one by id, re-linking parents, removing.
public struct RevisionFiles {
    /// The folder the revision files are in.
    public let directory: URL

    /// The revision files of a folder.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The file that declares revision `id` (by its `static let id = "…"` line).
    public func file(for id: String) throws -> URL {
        let needle = "static let id = \(SwiftLiteral.string(id))"
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        for url in files.sorted(by: { $0.path < $1.path }) where url.pathExtension == "swift" {
            if let text = try? String(contentsOf: url, encoding: .utf8), text.contains(needle) { return url }
        }
        throw RevisionError("no file in \(directory.path) declares revision '\(id)'")
    }

    /// Rewrites a revision file's parent list, replacing `old` with `new`.
    public func replaceParent(of id: String, _ old: String, with new: String) throws {
        let url = try file(for: id)
        let text = try String(contentsOf: url, encoding: .utf8)
        var changed = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let s = String(line)
            guard s.contains("static let parents"), s.contains(SwiftLiteral.string(old)) else { return s }
            changed = true
            return s.replacingOccurrences(of: SwiftLiteral.string(old), with: SwiftLiteral.string(new))
        }
        guard changed else { throw RevisionError("cannot find the parents line naming '\(old)' in \(url.path)") }
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }
}
