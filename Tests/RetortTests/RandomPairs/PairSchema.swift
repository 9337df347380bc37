import Retort

/// A schema the random-pair generator draws, held structurally so that a mutation can rename a
/// column everywhere it is used and a shrinker can remove one element at a time. It is rendered to
/// SQL by the generator's own code (`PairSQL`), never by Retort's renderer.
struct PairSchema: Hashable, Codable, Sendable {
    var extensions: [String] = []
    var enums: [PairEnum] = []
    var domains: [PairDomain] = []
    var sequences: [PairSequence] = []
    var functions: [PairFunction] = []
    var tables: [PairTable] = []
    var views: [PairView] = []
    var triggers: [PairTrigger] = []
    var policies: [PairPolicy] = []
    /// Rename hints B gives (never part of A): table by new name → old name, and so on.
    var hints = PairHints()
    /// Rows per table in A.
    var rows = 3

    func table(_ name: String) -> PairTable? { tables.first { $0.name == name } }
    func tableIndex(_ name: String) -> Int? { tables.firstIndex { $0.name == name } }

    /// Every name in the schema's one namespace (tables, views, indexes, constraints, types, …).
    var usedNames: Set<String> {
        var names = Set(tables.map(\.name) + views.map(\.name) + enums.map(\.name) + domains.map(\.name)
            + sequences.map(\.name) + functions.map(\.name) + triggers.map(\.name) + policies.map(\.name))
        for t in tables {
            names.formUnion(t.columns.map(\.name) + t.indexes.map(\.name) + t.uniques.map(\.name) + t.checks.map(\.name)
                + t.foreignKeys.map(\.name) + (t.partition?.parts.map(\.name) ?? []) + [t.primaryKeyName].compactMap { $0 })
        }
        return names
    }
}

struct PairHints: Hashable, Codable, Sendable {
    var tables: [String: String] = [:]
    var columns: [String: [String: String]] = [:]
    var enumValues: [String: [String: String]] = [:]
    /// Values for a column's NULL rows when it becomes NOT NULL: by table, then column (the value
    /// is the column's row-0 value, written by `PairSQL.value`).
    var backfills: [String: [String: PairType]] = [:]
}

indirect enum PairType: Hashable, Codable, Sendable {
    case smallint, integer, bigint, real, double, numeric(Int, Int)
    case text, varchar(Int), char(Int)
    case boolean, date, timestamp, timestamptz, time, interval, uuid, json, jsonb, bytea, inet
    case intArray, textArray
    case enumeration(String)
    case domain(String)
    case citext, hstore

    var isNumber: Bool {
        switch self {
        case .smallint, .integer, .bigint, .real, .double, .numeric: return true
        default: return false
        }
    }
    var isInteger: Bool { self == .smallint || self == .integer || self == .bigint }
    var isText: Bool {
        switch self {
        case .text, .varchar, .char, .citext: return true
        default: return false
        }
    }
    /// True when every row of a table holds a different value of this type (so it can make a key unique).
    var isDistinct: Bool {
        switch self {
        case .boolean, .enumeration, .json, .hstore: return false
        default: return true
        }
    }
    /// Types with a btree order (usable in a plain index, a key, a unique constraint).
    var isOrdered: Bool {
        switch self {
        case .json, .hstore: return false
        default: return true
        }
    }
}

struct PairEnum: Hashable, Codable, Sendable {
    var name: String
    var labels: [String]
}

struct PairDomain: Hashable, Codable, Sendable {
    var name: String
    /// `integer` or `text`.
    var base: PairType
    var check: Bool
    var notNull: Bool
}

struct PairSequence: Hashable, Codable, Sendable {
    var name: String
    var start: Int
    var increment: Int
}

struct PairFunction: Hashable, Codable, Sendable {
    enum Kind: Hashable, Codable, Sendable {
        /// `f(x integer) RETURNS integer` in SQL, immutable: `x + addend`.
        case scalar(addend: Int)
        /// A plpgsql trigger function; its body is one of two variants.
        case trigger(variant: Int)
    }
    var name: String
    var kind: Kind
}

struct PairColumn: Hashable, Codable, Sendable {
    var name: String
    var type: PairType
    var nullable: Bool
    var defaultValue: PairDefault?
    var auto: PairAuto?
    var generated: PairGenerated?
    var collation: String?
    var comment: String?
}

struct PairDefault: Hashable, Codable, Sendable {
    enum Kind: String, Hashable, Codable, Sendable { case literal, typedLiteral, expression, sequence, function }
    var kind: Kind
    var postgres: String
    var sqlite: String
    /// The value a row gets from it, when a check may judge it: a number or a text.
    var number: Double?
    var text: String?
    func sql(_ dialect: DialectName) -> String { dialect == .postgres ? postgres : sqlite }
}

enum PairAuto: Hashable, Codable, Sendable {
    case identity(always: Bool, options: PairIdentityOptions)
    case serial
    /// SQLite's `INTEGER PRIMARY KEY AUTOINCREMENT`.
    case autoincrement
}

struct PairIdentityOptions: Hashable, Codable, Sendable {
    var start: Int?
    var increment: Int?
    var minValue: Int?
    var maxValue: Int?
    var cycle = false
    var cache: Int?
}

struct PairGenerated: Hashable, Codable, Sendable {
    enum Kind: String, Hashable, Codable, Sendable { case plusOne, lower, doubled }
    var source: String
    var kind: Kind
    var stored: Bool
}

/// A condition on one column, used by checks, partial indexes, views and policies.
struct PairCondition: Hashable, Codable, Sendable {
    enum Kind: String, Hashable, Codable, Sendable { case notNull, positive, bounded, between, inList, nonEmpty, notBlank, function }
    var column: String
    var kind: Kind
    /// For `.function`: the scalar function applied to the column.
    var function: String?
}

struct PairUnique: Hashable, Codable, Sendable {
    var name: String
    var columns: [String]
    var nullsNotDistinct = false
    var deferrable = false
}

struct PairIndexKey: Hashable, Codable, Sendable {
    enum Expression: String, Hashable, Codable, Sendable { case lower, plusOne }
    var column: String
    var expression: Expression?
    var descending = false
    /// `FIRST` or `LAST`.
    var nulls: String?
    var opclass: String?
    var collation: String?
}

struct PairIndex: Hashable, Codable, Sendable {
    var name: String
    var unique: Bool
    var keys: [PairIndexKey]
    var predicate: PairCondition?
    var include: [String] = []
    /// `btree` (nil), `hash`, `gin`, `brin`.
    var method: String?
    var fillfactor: Int?
}

struct PairForeignKey: Hashable, Codable, Sendable {
    var name: String
    var columns: [String]
    var table: String
    var referenced: [String]
    var onDelete: String?
    var onUpdate: String?
    /// 0: not deferrable; 1: deferrable; 2: deferrable initially deferred.
    var deferrable = 0
}

struct PairCheck: Hashable, Codable, Sendable {
    var name: String
    var condition: PairCondition
}

struct PairPartitioning: Hashable, Codable, Sendable {
    enum Kind: String, Hashable, Codable, Sendable { case range, list, hash }
    var kind: Kind
    var column: String
    var parts: [PairPartition]
}

struct PairPartition: Hashable, Codable, Sendable {
    var name: String
    /// range: [from, to); list: values; hash: [modulus, remainder].
    var bound: [Int]
}

struct PairTable: Hashable, Codable, Sendable {
    var name: String
    var columns: [PairColumn]
    var primaryKey: [String] = []
    var primaryKeyName: String?
    var uniques: [PairUnique] = []
    var indexes: [PairIndex] = []
    var foreignKeys: [PairForeignKey] = []
    var checks: [PairCheck] = []
    var comment: String?
    var rowLevelSecurity = false
    var partition: PairPartitioning?

    func column(_ name: String) -> PairColumn? { columns.first { $0.name == name } }
    func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }
}

struct PairView: Hashable, Codable, Sendable {
    var name: String
    /// A table, or (when `overView`) a view.
    var source: String
    var overView = false
    var columns: [String]
    var filter: PairCondition?
    var materialized = false
}

struct PairTrigger: Hashable, Codable, Sendable {
    var name: String
    var table: String
    var before: Bool
    /// `INSERT`, `UPDATE`, `DELETE`.
    var events: [String]
    var updateOf: [String] = []
    var function: String?
    var when: PairCondition?
}

struct PairPolicy: Hashable, Codable, Sendable {
    var name: String
    var table: String
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE`, `DELETE`.
    var command: String
    var condition: PairCondition
    var permissive = true
}
