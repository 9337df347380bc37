/// A trigger of a table, part of the table's revision: when it fires (timing, events, `UPDATE OF`
/// columns, per row or per statement, a `WHEN` condition) and what it runs. On PostgreSQL it runs
/// a function (`function`, with constant `arguments`); on SQLite the statements of `body`. A
/// trigger with only one of them exists only on that dialect (with a note on the other).
///
/// A trigger with `sql` set is the statement that creates it, used as written on SQLite (as
/// earlier versions of Retort read SQLite triggers; revisions that hold one keep their checksums).
public struct Trigger: Hashable, Sendable {
    /// When it fires relative to the change.
    public enum Timing: String, Hashable, Sendable, Codable {
        /// Before the row changes (it may change or skip it).
        case before
        /// After the change.
        case after
        /// Instead of the change (on a view).
        case insteadOf
        var sql: String { self == .insteadOf ? "INSTEAD OF" : rawValue.uppercased() }
    }

    /// What fires it.
    public enum Event: String, Hashable, Sendable, Codable, CaseIterable {
        /// `INSERT`.
        case insert
        /// `UPDATE` (of `updateOf` columns only, when given).
        case update
        /// `DELETE`.
        case delete
        /// `TRUNCATE` (PostgreSQL, per statement).
        case truncate
    }

    /// Whether it fires (PostgreSQL's `ALTER TABLE … ENABLE | DISABLE TRIGGER`).
    public enum Firing: String, Hashable, Sendable, Codable {
        /// Fires in the normal (origin) session replication role: the default.
        case enabled
        /// Never fires.
        case disabled
        /// Fires only when the session replication role is `replica`.
        case replica
        /// Fires whatever the session replication role.
        case always
    }

    /// The trigger's name.
    public var name: String
    /// The whole `CREATE TRIGGER` statement, for a trigger kept as written (SQLite); nil for one
    /// described by the fields below.
    public var sql: String?
    /// `BEFORE`, `AFTER` or `INSTEAD OF`.
    public var timing: Timing
    /// The events that fire it (SQLite: exactly one).
    public var events: [Event]
    /// `UPDATE OF` these columns only.
    public var updateOf: [String]
    /// `FOR EACH ROW` (true) or `FOR EACH STATEMENT` (PostgreSQL).
    public var forEachRow: Bool
    /// The `WHEN` condition, compared by meaning.
    public var when: String?
    /// PostgreSQL: the function it executes (`RETURNS trigger`, no arguments of its own).
    public var function: String?
    /// PostgreSQL: the constant arguments passed to the function (`TG_ARGV`).
    public var arguments: [String]
    /// SQLite: the statements between `BEGIN` and `END`.
    public var body: String?
    /// PostgreSQL: the transition table of the old rows (`REFERENCING OLD TABLE AS …`).
    public var oldTable: String?
    /// PostgreSQL: the transition table of the new rows (`REFERENCING NEW TABLE AS …`).
    public var newTable: String?
    /// PostgreSQL: a constraint trigger (`CREATE CONSTRAINT TRIGGER`), which may be deferred.
    public var constraint: Bool
    /// PostgreSQL: when a constraint trigger is deferrable, when it fires by default.
    public var deferrable: Deferrable?
    /// PostgreSQL: enabled, disabled, replica or always.
    public var firing: Firing
    /// The trigger's comment.
    public var comment: String?

    /// A trigger kept as the statement that creates it (SQLite).
    public init(name: String, sql: String) {
        self.init(name, .before, [], sql: sql)
    }

    /// A trigger: `Trigger("film_last_update", .before, [.update], function: "last_updated",
    /// body: "UPDATE film SET last_update = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;")`.
    public init(
        _ name: String, _ timing: Timing, _ events: [Event], updateOf: [String] = [], forEachRow: Bool = true, when: String? = nil,
        function: String? = nil, arguments: [String] = [], body: String? = nil, oldTable: String? = nil, newTable: String? = nil,
        constraint: Bool = false, deferrable: Deferrable? = nil, firing: Firing = .enabled, comment: String? = nil, sql: String? = nil
    ) {
        self.name = name
        self.sql = sql
        self.timing = timing
        self.events = events
        self.updateOf = updateOf
        self.forEachRow = forEachRow
        self.when = when
        self.function = function
        self.arguments = arguments
        self.body = body
        self.oldTable = oldTable
        self.newTable = newTable
        self.constraint = constraint
        self.deferrable = deferrable
        self.firing = firing
        self.comment = comment
    }

    /// True when the trigger exists on the dialect: on PostgreSQL it runs a function; on SQLite it
    /// has a body and fires on one event for each row, or is kept as written.
    public func exists(on dialect: DialectName) -> Bool {
        switch dialect {
        case .postgres: return function != nil
        case .sqlite: return sql != nil || (body != nil && events.count == 1 && forEachRow)
        }
    }
}

extension Trigger: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, sql, timing, events, updateOf, forEachRow, when, function, arguments, body, oldTable, newTable, constraint, deferrable, firing, comment
    }

    /// A trigger kept as written encodes as `{name, sql}`, as it always has.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(sql, forKey: .sql)
        if sql == nil {
            try c.encode(timing, forKey: .timing)
            try c.encode(events, forKey: .events)
        }
        try c.encodeUnlessDefault(updateOf, forKey: .updateOf)
        try c.encodeUnlessDefault(forEachRow, forKey: .forEachRow, default: true)
        try c.encodeIfPresent(when, forKey: .when)
        try c.encodeIfPresent(function, forKey: .function)
        try c.encodeUnlessDefault(arguments, forKey: .arguments)
        try c.encodeIfPresent(body, forKey: .body)
        try c.encodeIfPresent(oldTable, forKey: .oldTable)
        try c.encodeIfPresent(newTable, forKey: .newTable)
        try c.encodeUnlessDefault(constraint, forKey: .constraint)
        try c.encodeIfPresent(deferrable, forKey: .deferrable)
        try c.encodeUnlessDefault(firing, forKey: .firing, default: .enabled)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), try c.decodeIfPresent(Timing.self, forKey: .timing) ?? .before,
            try c.decodeIfPresent([Event].self, forKey: .events) ?? [],
            updateOf: try c.decodeIfPresent([String].self, forKey: .updateOf) ?? [],
            forEachRow: try c.decodeIfPresent(Bool.self, forKey: .forEachRow) ?? true, when: try c.decodeIfPresent(String.self, forKey: .when),
            function: try c.decodeIfPresent(String.self, forKey: .function),
            arguments: try c.decodeIfPresent([String].self, forKey: .arguments) ?? [],
            body: try c.decodeIfPresent(String.self, forKey: .body), oldTable: try c.decodeIfPresent(String.self, forKey: .oldTable),
            newTable: try c.decodeIfPresent(String.self, forKey: .newTable),
            constraint: try c.decodeIfPresent(Bool.self, forKey: .constraint) ?? false,
            deferrable: try c.decodeIfPresent(Deferrable.self, forKey: .deferrable),
            firing: try c.decodeIfPresent(Firing.self, forKey: .firing) ?? .enabled, comment: try c.decodeIfPresent(String.self, forKey: .comment),
            sql: try c.decodeIfPresent(String.self, forKey: .sql))
    }
}

extension Trigger: TableElement {
    /// Adds the trigger to the table.
    public func apply(to table: inout Table) { table.triggers.append(self) }
}
