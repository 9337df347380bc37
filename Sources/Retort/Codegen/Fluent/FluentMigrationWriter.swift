import Foundation

/// Writes the difference between the models and a database as Fluent `AsyncMigration` types
/// (`autogen --emit fluent`) instead of Retort revisions: one per revision Retort would write (one
/// per table, in dependency order), each `prepare` the revision's upgrade and `revert` its derived
/// downgrade. Beside them: `RetortFluentMigrations.swift`, the list of every migration written so
/// far in the order they run (new ones appended), and the support file they use.
public struct FluentMigrationWriter {
    /// The folder of the app's Fluent migrations.
    public let directory: URL

    static let listFileName = "RetortFluentMigrations.swift"

    /// A writer of Fluent migration files into `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The source of one migration; `schema` is the database's schema before it, advanced past it.
    public func render(_ revision: RevisionInfo, from schema: inout Schema) throws -> String {
        var forward = FluentSteps(from: schema)
        let prepare = try forward.steps(revision.upgrade)
        var backward = FluentSteps(from: forward.schema)
        let revert = try backward.steps(revision.downgrade)
        schema = forward.schema
        let typeName = RevisionWriter.typeName(id: revision.id, message: revision.message)
        let summary = SwiftLiteral.comment(revision.message.split(whereSeparator: \.isNewline).joined(separator: " "))
        return """
            // \(summary)
            //
            // Fluent migration \(revision.id), written by Retort (`autogen --emit fluent`) on \(revision.createdAt).
            // `prepare` uses Fluent's schema builder where it writes what Retort would on SQLite and
            // PostgreSQL, and each dialect's SQL where it cannot; `revert` undoes it. Edit with care:
            // `check --exclude-table _fluent_migrations` compares the result with the models.
            import FluentKit
            import FluentSQL

            public struct \(typeName): AsyncMigration {
                public init() {}

                public var name: String { \(SwiftLiteral.string(typeName)) }

                public func prepare(on database: any Database) async throws {
            \(Self.body(prepare))
                }

                public func revert(on database: any Database) async throws {
            \(Self.body(revert))
                }
            }

            """
    }

    /// Writes the migrations (rendered first, so an error leaves the folder as it was), appends them
    /// to the list and rewrites the support file; returns the migration files.
    @discardableResult
    public func write(_ revisions: [RevisionInfo], database: Schema) throws -> [URL] {
        var schema = database
        let rendered = try revisions.map { revision in
            (RevisionWriter.typeName(id: revision.id, message: revision.message), try render(revision, from: &schema))
        }
        let fm = FileManager.default
        let listURL = directory.appendingPathComponent(Self.listFileName)
        let listed = fm.fileExists(atPath: listURL.path) ? try Self.listedTypes(in: String(contentsOf: listURL, encoding: .utf8)) : []
        for (typeName, _) in rendered where fm.fileExists(atPath: directory.appendingPathComponent(typeName + ".swift").path) {
            throw RevisionError("Fluent migration file \(typeName).swift already exists in \(directory.path)")
        }
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        var urls: [URL] = []
        for (typeName, text) in rendered {
            let url = directory.appendingPathComponent(typeName + ".swift")
            try text.write(to: url, atomically: true, encoding: .utf8)
            urls.append(url)
        }
        try Self.list(listed + rendered.map(\.0)).write(to: listURL, atomically: true, encoding: .utf8)
        try FluentSupport.text.write(to: directory.appendingPathComponent(FluentSupport.fileName), atomically: true, encoding: .utf8)
        return urls
    }

    /// The list file's text.
    static func list(_ typeNames: [String]) -> String {
        """
        // Written by Retort (`autogen --emit fluent`): every migration it wrote in this folder, in the
        // order they run; new ones are appended. Add them to the app's migrations:
        // `app.migrations.add(retortFluentMigrations)`, or `migrations.add(retortFluentMigrations)`.
        import FluentKit

        public let retortFluentMigrations: [any Migration] = [
        \(typeNames.map { "    \($0)(),\n" }.joined())]

        """
    }

    /// The migrations a list file names, in order.
    static func listedTypes(in text: String) throws -> [String] {
        guard let start = text.range(of: "retortFluentMigrations: [any Migration] = ["),
            let end = text.range(of: "\n]", range: start.upperBound..<text.endIndex)
        else {
            throw RevisionError("\(listFileName) is not the list Retort writes; move it away or restore it")
        }
        return try text[start.upperBound..<end.lowerBound].split(whereSeparator: \.isNewline).compactMap { line in
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("//") { return nil }
            guard entry.hasSuffix("(),"), entry.dropLast(3).allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw RevisionError("\(listFileName) has an entry Retort cannot read: \(entry)")
            }
            return String(entry.dropLast(3))
        }
    }

    /// The body of `prepare` or `revert`: the steps inside one `retortChange`.
    static func body(_ steps: [FluentStep]) -> String {
        guard !steps.isEmpty else { return "        // nothing to do" }
        var lines = ["        try await database.retortChange { db, dialect in"]
        for step in steps {
            switch step {
            case .builder(let code):
                lines += code.split(separator: "\n", omittingEmptySubsequences: false).map { "            " + $0 }
            case .sql(let sqlite, let postgres):
                lines.append("            try await db.retortRun(")
                lines.append("                dialect,")
                lines.append("                sqlite: \(statements(sqlite, pad: "                ")),")
                lines.append("                postgres: \(statements(postgres, pad: "                ")))")
            }
        }
        lines.append("        }")
        return lines.joined(separator: "\n")
    }

    private static func statements(_ list: [Statement], pad: String) -> String {
        guard !list.isEmpty else { return "[]" }
        let items = list.map { s -> String in
            let sql = SwiftLiteral.text(s.sql, pad: pad + "        ")
            guard let message = s.failureMessage else { return "\(pad)    .sql(\(sql))," }
            return "\(pad)    .check(\(sql), failing: \(SwiftLiteral.string(message)), rows: \(SwiftLiteral.string(s.countedRows))),"
        }
        return "[\n" + items.joined(separator: "\n") + "\n\(pad)]"
    }
}
