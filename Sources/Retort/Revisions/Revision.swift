import Foundation

/// A revision file: one step of the schema's history, with its operations as literal data.
///
/// Generated revisions hold only data; hand-written ones may add `.execute` SQL or `.code` Swift.
/// A revision never refers to a model type, so it compiles after the models change.
public protocol Revision: Sendable {
    /// The revision's unique id (a valid identifier that sorts in creation order).
    static var id: String { get }
    /// The ids of the revisions this one applies after: none for a base, two or more for a merge.
    static var parents: [String] { get }
    /// What the revision does, in a few words.
    static var message: String { get }
    /// When the revision was created (ISO 8601).
    static var createdAt: String { get }
    /// What `upgrade` runs.
    static var upgrade: [MigrationOperation] { get }
    /// What `downgrade` runs. Unless a revision declares its own, it is derived from `upgrade`:
    /// each step's reverse, in mirrored order. A declared downgrade replaces the derived one whole.
    static var downgrade: [MigrationOperation] { get }
    /// Ids of revisions this one takes the place of (set by `split`).
    static var replaces: [String] { get }
    /// Lint findings the revision means (`["RT102"]`): still reported, never failing `lint`.
    static var allow: [LintCode] { get }
    /// False for a revision whose steps run one by one outside a single transaction (what
    /// `CREATE INDEX CONCURRENTLY` and batched backfills need): each step is resumable, progress is
    /// recorded, and the version table moves only when every step has finished.
    static var transactional: Bool { get }
}

extension Revision {
    public static var replaces: [String] { [] }
    public static var allow: [LintCode] { [] }
    public static var transactional: Bool { true }
    public static var downgrade: [MigrationOperation] { upgrade.derivedDowngrade }
}

/// A revision as a value, read from a `Revision` type.
public struct RevisionInfo: Hashable, Sendable {
    public var id: String
    /// The ids of the revisions it applies after.
    public var parents: [String]
    /// What it does, in a few words.
    public var message: String
    /// When it was created (ISO 8601).
    public var createdAt: String
    public var upgrade: [MigrationOperation]
    /// What `downgrade` runs: declared, or derived from `upgrade`.
    public var downgrade: [MigrationOperation]
    /// Ids of revisions it takes the place of (set by `split`).
    public var replaces: [String]
    /// Lint codes the revision acknowledges; not part of its checksum (they change no SQL).
    public var allow: [LintCode]
    /// False when the revision's steps run one by one, resumably (see `Revision.transactional`).
    public var transactional: Bool

    /// True when the downgrade is the one derived from the upgrade (so revision files need not spell it).
    public var downgradeIsDerived: Bool { downgrade == upgrade.derivedDowngrade }

    /// Upgrade steps whose `reverse:` a hand-written downgrade leaves unused.
    public var unusedReverses: [MigrationOperation] {
        guard !downgradeIsDerived else { return [] }
        return upgrade.filter { op in
            switch op {
            case .execute(let raw): return raw.reverse.map { !downgrade.contains(.execute($0)) } ?? false
            case .code(let code): return code.isReversible
            default: return false
            }
        }
    }

    /// A revision value.
    public init(
        id: String, parents: [String], message: String, createdAt: String, upgrade: [MigrationOperation],
        downgrade: [MigrationOperation]? = nil, replaces: [String] = [], allow: [LintCode] = [], transactional: Bool = true
    ) {
        self.allow = allow
        self.transactional = transactional
        self.id = id
        self.parents = parents
        self.message = message
        self.createdAt = createdAt
        self.upgrade = upgrade
        self.downgrade = downgrade ?? upgrade.derivedDowngrade
        self.replaces = replaces
    }

    /// A stable fingerprint of what the revision does (id, parents and operations), recorded when
    /// it is applied so that a later edit of its file is noticed.
    public var checksum: String {
        struct Content: Encodable {
            var id: String, parents: [String], upgrade: [MigrationOperation], downgrade: [MigrationOperation]
            /// Set only for a non-transactional revision, so older checksums stay the same.
            var nonTransactional: Bool?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let content = Content(id: id, parents: parents, upgrade: upgrade, downgrade: downgrade, nonTransactional: transactional ? nil : true)
        let data = (try? encoder.encode(content)) ?? Data()
        return StableHash.hex(String(decoding: data, as: UTF8.self))
    }

    /// The value of a revision type.
    public init(_ type: any Revision.Type) {
        self.init(
            id: type.id, parents: type.parents, message: type.message, createdAt: type.createdAt, upgrade: type.upgrade,
            downgrade: type.downgrade, replaces: type.replaces, allow: type.allow, transactional: type.transactional)
    }
}

extension RevisionInfo: LintedRevision {}
