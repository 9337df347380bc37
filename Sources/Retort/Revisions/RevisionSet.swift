import Foundation

/// A project's revisions and where their files live; the `RetortRevisions` plugin generates one.
public struct RevisionSet: Sendable {
    /// Every revision type compiled into the migrate tool.
    public var revisions: [any Revision.Type]
    /// The folder that holds the revision files (where `autogen` writes).
    public var directory: String
    /// The root of the package the migrate tool belongs to.
    public var packageDirectory: String
    /// A digest of each revision file's text (by file name) as it was compiled; nil when unknown.
    public var fileDigests: [String: String]?

    /// A set of revisions.
    public init(
        revisions: [any Revision.Type], directory: String, packageDirectory: String, fileDigests: [String: String]? = nil
    ) {
        self.revisions = revisions
        self.directory = directory
        self.packageDirectory = packageDirectory
        self.fileDigests = fileDigests
    }

    /// The revision graph; throws if the revisions do not form one.
    public func graph() throws -> RevisionGraph {
        try RevisionGraph(revisions.map(RevisionInfo.init))
    }

    /// The digest the plugin records for a revision file's text (64-bit FNV-1a, hex).
    public static func digest(_ text: String) -> String { StableHash.hex(text) }

    /// Throws when the revision files on disk are not the ones compiled in (a file added, edited
    /// or removed since the last build). A deployed tool without its revisions folder skips this.
    public func requireUpToDate() throws {
        guard let compiled = fileDigests else { return }
        let folder = URL(fileURLWithPath: directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var onDisk: [String: String] = [:]
        for name in names where name.hasSuffix(".swift") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
            onDisk[name] = Self.digest(text)
        }
        let added = onDisk.keys.filter { compiled[$0] == nil }.sorted()
        let removed = compiled.keys.filter { onDisk[$0] == nil }.sorted()
        let edited = onDisk.keys.filter { compiled[$0] != nil && compiled[$0] != onDisk[$0] }.sorted()
        guard !(added.isEmpty && removed.isEmpty && edited.isEmpty) else { return }
        var parts: [String] = []
        if !added.isEmpty { parts.append("new: \(added.joined(separator: ", "))") }
        if !edited.isEmpty { parts.append("edited: \(edited.joined(separator: ", "))") }
        if !removed.isEmpty { parts.append("removed: \(removed.joined(separator: ", "))") }
        throw RevisionError(
            "the migrate tool was built before its revision files changed (\(parts.joined(separator: "; "))); rebuild it (swift build) and run again")
    }
}
