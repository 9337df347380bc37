import Foundation
import Mustache

/// Writes revision files from the revision template.
public struct RevisionWriter {
    /// Where revision files go.
    public let directory: URL
    /// The Mustache template text.
    public let template: String

    /// A writer; uses `<projectRoot>/templates/revision.swift.mustache` when that file exists.
    public init(directory: URL, projectRoot: URL?) throws {
        self.directory = directory
        if let root = projectRoot {
            let override = root.appendingPathComponent("templates/revision.swift.mustache")
            if let text = try? String(contentsOf: override, encoding: .utf8) {
                self.template = text
                return
            }
        }
        self.template = DefaultTemplate.revision
    }

    /// The Swift type (and file) name of a revision: its id and a slug of its message.
    public static func typeName(id: String, message: String) -> String {
        let slug = RevisionID.slug(message)
        return slug.isEmpty ? id : "\(id)_\(slug)"
    }

    /// The source text of a revision file.
    public func render(_ revision: RevisionInfo) throws -> String {
        let mustache: MustacheTemplate
        do {
            mustache = try MustacheTemplate(string: template)
        } catch {
            throw RevisionError("the revision template cannot be parsed: \(error)")
        }
        let pad = "        "
        let context: [String: Any] = [
            "typeName": Self.typeName(id: revision.id, message: revision.message),
            "id": revision.id,
            "idLiteral": SwiftLiteral.string(revision.id),
            "message": SwiftLiteral.comment(revision.message.split(whereSeparator: \.isNewline).joined(separator: " ")),
            "messageLiteral": SwiftLiteral.string(revision.message),
            "createdAt": revision.createdAt,
            "createdAtLiteral": SwiftLiteral.string(revision.createdAt),
            "parentsLiteral": SwiftLiteral.strings(revision.parents),
            "replacesLiteral": revision.replaces.isEmpty ? false : SwiftLiteral.strings(revision.replaces),
            "nonTransactional": !revision.transactional,
            "allowLiteral": revision.allow.isEmpty ? false : SwiftLiteral.strings(revision.allow.map(\.rawValue)),
            "upgrade": try SwiftLiteral.operations(revision.upgrade, pad: pad),
            "downgrade": revision.downgradeIsDerived ? false : try SwiftLiteral.operations(revision.downgrade, pad: pad),
        ]
        return mustache.render(context)
    }

    /// Writes the revision's file and returns its URL; never overwrites an existing file.
    @discardableResult
    public func write(_ revision: RevisionInfo) throws -> URL {
        let text = try render(revision)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(Self.typeName(id: revision.id, message: revision.message) + ".swift")
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw RevisionError("revision file \(url.path) already exists")
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
