import Foundation

/// A project's revisions and where their files live; the `RetortRevisions` plugin generates one.
public struct RevisionSet: Sendable {
    /// Every revision type compiled into the migrate tool.
    public var revisions: [any Revision.Type]
    /// The folder that holds the revision files (where `autogen` writes).
    public var directory: String
    /// The root of the package the migrate tool belongs to.
    public var packageDirectory: String

    /// A set of revisions.
    public init(revisions: [any Revision.Type], directory: String, packageDirectory: String) {
        self.revisions = revisions
        self.directory = directory
        self.packageDirectory = packageDirectory
    }

    /// The revision graph; throws if the revisions do not form one.
    public func graph() throws -> RevisionGraph {
        try RevisionGraph(revisions.map(RevisionInfo.init))
    }
}
