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

/// Revision ids and file-name slugs.
public enum RevisionID {
    /// An id that sorts in creation order: `r` + UTC date and time + a random token + a sequence
    /// number (`r20261123_180512_k3f9_01`). The token keeps ids made in the same second, or on
    /// two branches, apart.
    public static func make(date: Date, token: String, sequence: Int = 1) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd_HHmmss"
        return "r\(f.string(from: date))_\(token)_" + (sequence < 10 ? "0\(sequence)" : String(sequence))
    }

    /// `count` new ids for a chain made at `date`, none of them in `taken`. A process never draws
    /// the same token twice, so ids it makes never collide; ids made elsewhere in the same second
    /// collide only when their random tokens do (one in 1.7 million).
    public static func fresh(date: Date, count: Int = 1, avoiding taken: Set<String>) -> [String] {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        while true {
            let token = String((0..<4).map { _ in alphabet.randomElement()! })
            let ids = (1...max(count, 1)).map { make(date: date, token: token, sequence: $0) }
            if taken.isDisjoint(with: ids), issued.claim(token) { return ids }
        }
    }

    /// The tokens this process has handed out.
    private static let issued = IssuedTokens()

    private final class IssuedTokens: @unchecked Sendable {
        private let lock = NSLock()
        private var tokens = Set<String>()

        /// True when `token` was not handed out before (and is now).
        func claim(_ token: String) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            return tokens.insert(token).inserted
        }
    }

    /// An ISO 8601 UTC timestamp.
    public static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    /// A file-name-safe slug of a message: ASCII letters, digits and `_`, at most 48 characters.
    public static func slug(_ message: String) -> String {
        let folded = message.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        for ch in folded.unicodeScalars {
            if ch.isASCII, ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                out.unicodeScalars.append(ch)
            } else if !out.hasSuffix("_") {
                out += "_"
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return String(trimmed.prefix(48)).trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    }
}
