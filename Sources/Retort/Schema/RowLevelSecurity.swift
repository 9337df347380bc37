/// Row-level security of a table (PostgreSQL): `ENABLE ROW LEVEL SECURITY`, and `FORCE` so that
/// the table's owner is held to the policies too. A table without it (nil) shows every row to
/// whoever may read it. SQLite has none: left out there, with a note.
public struct RowLevelSecurity: Hashable, Sendable, Codable {
    /// `ENABLE ROW LEVEL SECURITY`: the policies decide which rows a role sees and writes.
    public var enabled: Bool
    /// `FORCE ROW LEVEL SECURITY`: the owner is held to the policies as well.
    public var forced: Bool

    /// Enabled, and forced when `forced`.
    public init(enabled: Bool = true, forced: Bool = false) {
        self.enabled = enabled
        self.forced = forced
    }

    /// `ENABLE ROW LEVEL SECURITY`.
    public static let enabled = RowLevelSecurity()
    /// `ENABLE` and `FORCE ROW LEVEL SECURITY`.
    public static let forced = RowLevelSecurity(forced: true)
}

/// A row-level security policy of a table (PostgreSQL): which rows the roles it names see
/// (`USING`) and may write (`WITH CHECK`), for one command or all. Part of its table's revision;
/// its expressions are compared by meaning, as checks are. A policy naming a role the server does
/// not have is a model error before anything runs.
public struct Policy: Hashable, Sendable {
    /// The command a policy applies to.
    public enum Command: String, Hashable, Sendable, Codable, CaseIterable {
        /// Every command.
        case all = "ALL"
        /// `SELECT` (and the rows `UPDATE` and `DELETE` can see).
        case select = "SELECT"
        /// `INSERT`.
        case insert = "INSERT"
        /// `UPDATE`.
        case update = "UPDATE"
        /// `DELETE`.
        case delete = "DELETE"
    }

    /// The policy's name (unique per table).
    public var name: String
    /// The command it applies to.
    public var command: Command
    /// Permissive (the default: any permissive policy may admit a row) or restrictive (every
    /// restrictive policy must admit it).
    public var permissive: Bool
    /// The roles it applies to; empty for `PUBLIC` (every role).
    public var roles: [String]
    /// `USING`: the rows the roles see (and may update or delete).
    public var using: String?
    /// `WITH CHECK`: the rows the roles may write.
    public var withCheck: String?
    /// Its comment.
    public var comment: String?

    /// A policy: `Policy("tenant_isolation", using: "tenant_id = current_setting('app.tenant')::int")`.
    public init(
        _ name: String, for command: Command = .all, permissive: Bool = true, to roles: [String] = [], using: String? = nil,
        withCheck: String? = nil, comment: String? = nil
    ) {
        self.name = name
        self.command = command
        self.permissive = permissive
        self.roles = roles
        self.using = using
        self.withCheck = withCheck
        self.comment = comment
    }
}

extension Policy: Codable {
    private enum CodingKeys: String, CodingKey { case name, command, permissive, roles, using, withCheck, comment }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeUnlessDefault(command, forKey: .command, default: .all)
        try c.encodeUnlessDefault(permissive, forKey: .permissive, default: true)
        try c.encodeUnlessDefault(roles, forKey: .roles)
        try c.encodeIfPresent(using, forKey: .using)
        try c.encodeIfPresent(withCheck, forKey: .withCheck)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), for: try c.decodeIfPresent(Command.self, forKey: .command) ?? .all,
            permissive: try c.decodeIfPresent(Bool.self, forKey: .permissive) ?? true, to: try c.decodeIfPresent([String].self, forKey: .roles) ?? [],
            using: try c.decodeIfPresent(String.self, forKey: .using), withCheck: try c.decodeIfPresent(String.self, forKey: .withCheck),
            comment: try c.decodeIfPresent(String.self, forKey: .comment))
    }
}

extension Policy: TableElement {
    /// Adds the policy to the table.
    public func apply(to table: inout Table) { table.policies.append(self) }
}

extension RowLevelSecurity: TableElement {
    /// Switches row-level security on for the table.
    public func apply(to table: inout Table) { table.rowLevelSecurity = self }
}
