/// An applied revision whose file changed or went away since it was applied.
public struct IntegrityProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What happened to an applied revision's file.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The file is there with other operations than were applied.
        case edited
        /// No file defines the revision any more.
        case deleted
    }
    /// The revision's id.
    public var revision: String
    /// Whether its file was edited or deleted.
    public var kind: Kind

    public var description: String {
        switch kind {
        case .edited: return "revision \(revision) was edited after it was applied"
        case .deleted: return "revision \(revision) was applied, but no revision file defines it any more"
        }
    }

    /// What to do about it: the one remedy every command names.
    public var remedy: String {
        switch kind {
        case .edited:
            return "restore the file, or pass --accept-changed to record the files as they are now"
        case .deleted:
            return "restore its file, or run 'stamp --purge REVISION' to record the revision the database is really at"
        }
    }
}

/// Applied revisions were edited or deleted; `upgrade` refuses unless told to accept the files.
public struct IntegrityError: Error, CustomStringConvertible, Sendable {
    /// Every applied revision whose file changed or went.
    public var problems: [IntegrityProblem]
    public var description: String {
        // A deleted revision the database is at comes first: --accept-changed cannot fix that one.
        let first = problems.first { $0.kind == .deleted } ?? problems.first
        return (first.map(\.description) ?? "") + (problems.count > 1 ? " (and \(problems.count - 1) more)" : "")
            + "; " + (first?.remedy ?? "")
    }
}

/// Retort's own tables were changed by hand: the version table holds a NULL or a repeated row, or
/// the checksums of applied revisions are gone. Nothing is re-created silently; `stamp` repairs it.
public struct BookkeepingError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, in a few words.
    public var problem: String
    public var description: String {
        "\(problem) (Retort's bookkeeping was changed by hand); run 'stamp REVISION' with the revision the database is really at to record it again"
    }
}

/// The `retort_applied` table: the checksum of every applied revision.
struct AppliedRevisions {
    static let name = RetortTables.applied

    static var createSQL: String {
        "CREATE TABLE IF NOT EXISTS \(SQLText.quote(name)) (revision VARCHAR(255) NOT NULL PRIMARY KEY, checksum VARCHAR(64) NOT NULL)"
    }

    /// Recorded checksums by revision id; empty when the table does not exist yet.
    static func read(_ db: any DatabaseConnection) throws -> [String: String] {
        guard try db.dialect.implementation.hasTable(name, in: db) else { return [:] }
        let sql = "SELECT revision AS \"revision\", checksum AS \"checksum\" FROM \(SQLText.quote(name))"
        let rows = try CatalogRow.decode(try db.queryResult(sql, []), as: AppliedChecksum.self)
        return Dictionary(rows.map { ($0.revision, $0.checksum) }) { a, _ in a }
    }

    /// A row of the applied-revisions table.
    struct AppliedChecksum: CatalogRecord {
        var revision: String
        var checksum: String

        init(_ row: CatalogRow) {
            revision = row.string("revision") ?? ""
            checksum = row.string("checksum") ?? ""
        }
    }

    /// Applied revisions must have their checksums: a missing or empty table while heads are
    /// recorded means they were dropped or deleted by hand, and an edited revision could no longer
    /// be detected. (A head of a split chain may lack its own row: the replaced id holds it.)
    static func verifyRecorded(_ db: any DatabaseConnection, heads: [String]) throws -> [String: String] {
        guard !heads.isEmpty else { return try read(db) }
        guard try db.dialect.implementation.hasTable(name, in: db) else {
            throw BookkeepingError(problem: "the table \(name) is missing while \(VersionTable.name) records \(heads.joined(separator: ", "))")
        }
        let recorded = try read(db)
        guard !recorded.isEmpty else {
            throw BookkeepingError(problem: "\(name) holds no checksums while \(VersionTable.name) records \(heads.joined(separator: ", "))")
        }
        return recorded
    }

    /// What changed in the files since the recorded revisions were applied: checksums that differ,
    /// and applied revisions (checksummed, or recorded as heads) that no file defines.
    static func problems(_ recorded: [String: String], heads: [String], graph: RevisionGraph) -> [IntegrityProblem] {
        let ids = Set(recorded.keys).union(heads)
        return ids.sorted().compactMap { id in
            if let r = graph.revisions[id] {
                return recorded[id] == nil || r.checksum == recorded[id] ? nil : IntegrityProblem(revision: id, kind: .edited)
            }
            return graph.current(for: id) == nil ? IntegrityProblem(revision: id, kind: .deleted) : nil
        }
    }

    static func record(_ revision: RevisionInfo) -> [String] {
        let q = SQLText.quote(name)
        return [
            "DELETE FROM \(q) WHERE revision = \(SQLText.literal(revision.id))",
            "INSERT INTO \(q) (revision, checksum) VALUES (\(SQLText.literal(revision.id)), \(SQLText.literal(revision.checksum)))",
        ]
    }

    static func forget(_ id: String) -> String {
        "DELETE FROM \(SQLText.quote(name)) WHERE revision = \(SQLText.literal(id))"
    }
}
