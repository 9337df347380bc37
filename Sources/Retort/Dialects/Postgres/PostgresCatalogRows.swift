/// The records of `PostgresIntrospector`'s catalog queries: each stored property is a column
/// alias of its query (checked on every read, and by `CatalogQueryTests` with `Mirror`).

/// A row of the columns query: one column of a table (or the table alone when it has none).
struct PostgresColumnRow: CatalogRecord {
    var tableName: String
    var tableComment: String?
    var columnName: String?
    var typeName: String
    var notNull: Bool
    var defaultExpression: String?
    /// `a` (always), `d` (by default) or empty.
    var identity: String
    var comment: String?
    var enumName: String?
    /// The enum's values, a JSON array.
    var enumValues: SQLValue
    var number: Int64
    /// `s` (stored) or `v` (virtual) for a generated column.
    var generatedKind: String?
    var generatedExpression: String?
    var collation: String?
    /// The schema the row belongs to (`PostgresCatalogScope.column`).
    var inSchema: SQLValue

    init(_ row: CatalogRow) {
        tableName = row.string("tableName") ?? ""
        tableComment = row.string("tableComment")
        columnName = row.string("columnName")
        typeName = row.string("typeName") ?? ""
        notNull = row.bool("notNull")
        defaultExpression = row.string("defaultExpression")
        identity = row.string("identity") ?? ""
        comment = row.string("comment")
        enumName = row.string("enumName")
        enumValues = row["enumValues"]
        number = row.int("number") ?? 0
        generatedKind = row.string("generatedKind")
        generatedExpression = row.string("generatedExpression")
        collation = row.string("collation")
        inSchema = row["inSchema"]
    }
}

/// A row of the constraints query: a primary key, unique constraint, foreign key or check.
struct PostgresConstraintRow: CatalogRecord {
    var tableName: String
    var name: String?
    /// `p`, `u`, `f` or `c`.
    var kind: String
    /// The key's column numbers (`{1,3}`).
    var columnNumbers: SQLValue
    var referencedTable: String?
    /// The referenced columns: numbers, or names as a JSON array for a table the columns query does not read.
    var referencedColumns: SQLValue
    var onDelete: String?
    var onUpdate: String?
    var checkDefinition: String?
    var deferrable: Bool
    var deferred: Bool
    /// `f` for MATCH FULL.
    var matchType: String?
    var noInherit: Bool
    var validated: Bool
    var nullsNotDistinct: Bool
    /// The schema the row belongs to (`PostgresCatalogScope.column`).
    var inSchema: SQLValue

    init(_ row: CatalogRow) {
        tableName = row.string("tableName") ?? ""
        name = row.string("name")
        kind = row.string("kind") ?? ""
        columnNumbers = row["columnNumbers"]
        referencedTable = row.string("referencedTable")
        referencedColumns = row["referencedColumns"]
        onDelete = row.string("onDelete")
        onUpdate = row.string("onUpdate")
        checkDefinition = row.string("checkDefinition")
        deferrable = row.bool("deferrable")
        deferred = row.bool("deferred")
        matchType = row.string("matchType")
        noInherit = row.bool("noInherit")
        validated = row.bool("validated")
        nullsNotDistinct = row.bool("nullsNotDistinct")
        inSchema = row["inSchema"]
    }
}

/// A row of the indexes query: an index that no constraint owns.
struct PostgresIndexRow: CatalogRecord {
    var tableName: String
    var name: String?
    var isUnique: Bool
    var predicate: String?
    /// Every key spelled out (a JSON array of `PostgresIndexKey`), only for an index with an
    /// expression key, a non-default operator class or a collation other than its column's.
    var keys: String?
    var keyCount: Int64?
    var method: String?
    /// Storage parameters, a JSON array of `name=value`.
    var storage: SQLValue
    var nullsNotDistinct: Bool
    var comment: String?
    /// Key and INCLUDE columns by number (`1 3`), as `indkey` prints them.
    var columnNumbers: SQLValue
    /// Per key, the `indoption` bits (1 DESC, 2 NULLS FIRST), space-separated.
    var keyOptions: String?
    /// The schema the row belongs to (`PostgresCatalogScope.column`).
    var inSchema: SQLValue

    init(_ row: CatalogRow) {
        tableName = row.string("tableName") ?? ""
        name = row.string("name")
        isUnique = row.bool("isUnique")
        predicate = row.string("predicate")
        keys = row.string("keys")
        keyCount = row.int("keyCount")
        method = row.string("method")
        storage = row["storage"]
        nullsNotDistinct = row.bool("nullsNotDistinct")
        comment = row.string("comment")
        columnNumbers = row["columnNumbers"]
        keyOptions = row.string("keyOptions")
        inSchema = row["inSchema"]
    }
}

/// One key of an index, spelled out by the indexes query (`PostgresIndexRow.keys`).
struct PostgresIndexKey: Decodable {
    /// `c` (column), `e` (expression) or `i` (INCLUDE column).
    var kind: String
    /// The `indoption` bits: 1 DESC, 2 NULLS FIRST.
    var options: Int
    /// A non-default operator class.
    var opclass: String?
    /// The column's name or the expression.
    var text: String
    /// A column key's collation when it is not its column's.
    var collation: String?
}

/// A row of the objects query: the server (`v`), an enum type (`e`), a sequence (`s`) or an
/// object Retort does not manage that depends on a table or column (`d`).
struct PostgresObjectRow: CatalogRecord {
    var kind: String
    /// The version number (`v`), the type, sequence or table's name.
    var name: String
    /// The schema the session reads (`v`).
    var schemaName: String?
    /// The enum's values, a JSON array (`e`).
    var enumValues: SQLValue
    var sequenceType: String?
    var sequenceStart: Int64?
    var sequenceIncrement: Int64?
    var sequenceMin: Int64?
    var sequenceMax: Int64?
    var sequenceCache: Int64?
    var sequenceCycle: Bool
    /// The table and column that own the sequence, or the dependent object's table and column (`d`).
    var ownerTable: String?
    var ownerColumn: String?
    /// How the sequence is owned: `a` (serial or OWNED BY), `i` (identity), or none.
    var ownership: String?
    /// The object that depends on the table (`view v`, `rule on r`).
    var dependent: String?
    /// A view of the schema read that depends on the table or view `name` (`d`): an edge of the graph.
    var dependentView: String?
    /// The kind of relation depended on (`d`): `r`, `p` (tables) or `v` (a view).
    var referencedKind: String?
    /// A view's query as `pg_get_viewdef` prints it (`w`).
    var definition: String?
    /// A view's options (`w`), a JSON array of `name=value`.
    var options: SQLValue
    /// A view's comment (`w`).
    var comment: String?
    /// A view's access privileges (`w`), a JSON array of `grantee=privileges/grantor`.
    var privileges: SQLValue
    /// A view's owner (`w`); the role reading the catalog (`v`).
    var owner: String?
    /// The columns a view returns (`w`), a JSON array of `name type`.
    var outputColumns: SQLValue
    /// A domain's base type, default, NOT NULL, collation and checks (`m`), a JSON object
    /// (`PostgresDomainDetails`).
    var details: String?
    /// The schema the row belongs to (`PostgresCatalogScope.column`); nil for the database's
    /// own objects (extensions).
    var inSchema: String?

    init(_ row: CatalogRow) {
        kind = row.string("kind") ?? ""
        name = row.string("name") ?? ""
        schemaName = row.string("schemaName")
        enumValues = row["enumValues"]
        sequenceType = row.string("sequenceType")
        sequenceStart = row.int("sequenceStart")
        sequenceIncrement = row.int("sequenceIncrement")
        sequenceMin = row.int("sequenceMin")
        sequenceMax = row.int("sequenceMax")
        sequenceCache = row.int("sequenceCache")
        sequenceCycle = row.bool("sequenceCycle")
        ownerTable = row.string("ownerTable")
        ownerColumn = row.string("ownerColumn")
        ownership = row.string("ownership")
        dependent = row.string("dependent")
        dependentView = row.string("dependentView")
        referencedKind = row.string("referencedKind")
        definition = row.string("definition")
        options = row["options"]
        comment = row.string("comment")
        privileges = row["privileges"]
        owner = row.string("owner")
        outputColumns = row["outputColumns"]
        details = row.string("details")
        inSchema = row.string("inSchema")
    }
}

/// The details of a composite type in the objects query (`c` rows).
struct PostgresCompositeDetails: Decodable {
    struct Attribute: Decodable {
        var name: String
        var type: String
    }
    var attributes: [Attribute]?
}

/// The details of a domain in the objects query (`m` rows).
struct PostgresDomainDetails: Decodable {
    struct Check: Decodable {
        var name: String
        var definition: String
    }
    var type: String
    var notNull: Bool
    var defaultValue: String?
    var collation: String?
    var checks: [Check]?
}

/// The details of a function or procedure in the objects query (`f` rows).
struct PostgresFunctionDetails: Decodable {
    struct Argument: Decodable {
        var name: String?
        /// `i`, `o`, `b` (INOUT), `v` (VARIADIC) or `t` (a column of `RETURNS TABLE`).
        var mode: String
        var type: String
    }
    var name: String
    var kind: String
    var arguments: [Argument]?
    /// The input arguments' defaults, the last ones', as one list (`1, 'x'::text`).
    var defaults: String?
    var result: String?
    var language: String
    var body: String
    var volatility: String
    var strict: Bool
    var securityDefiner: Bool
    var parallel: String
    var leakproof: Bool
    /// `name=value` entries.
    var settings: [String]?

    /// The function as the IR holds it.
    var function: Function {
        var args = (arguments ?? []).filter { $0.mode != "t" }.map { a -> Function.Argument in
            let mode: Function.Argument.Mode = switch a.mode {
            case "o": .out
            case "b": .inout
            case "v": .variadic
            default: .in
            }
            return Function.Argument(a.name, a.type, mode: mode)
        }
        if let defaults {
            let values = SQLTokenizer.splitTopLevel(SQLTokenizer.tokenize(defaults)[...]).compactMap { part -> String? in
                guard let first = part.first, let last = part.last else { return nil }
                return String(defaults[first.range.lowerBound..<last.range.upperBound])
            }
            let inputs = args.indices.filter { args[$0].isInput }
            for (i, value) in zip(inputs.suffix(values.count), values) { args[i].defaultValue = value }
        }
        var settingsByName: [String: String] = [:]
        for entry in settings ?? [] {
            guard let eq = entry.firstIndex(of: "=") else { continue }
            settingsByName[String(entry[..<eq])] = String(entry[entry.index(after: eq)...])
        }
        return Function(
            name, kind: kind == "p" ? .procedure : .function, arguments: args, returns: kind == "p" ? nil : result, language: language,
            body: body, volatility: volatility == "i" ? .immutable : volatility == "s" ? .stable : .volatile, strict: strict,
            securityDefiner: securityDefiner, parallel: parallel == "s" ? .safe : parallel == "r" ? .restricted : .unsafe,
            leakproof: leakproof, settings: settingsByName)
    }
}

/// The details of an aggregate in the objects query (`g` rows).
struct PostgresAggregateDetails: Decodable {
    var name: String
    var arguments: [String]?
    var stateFunction: String
    var stateType: String
    var finalFunction: String?
    var initialCondition: String?
}

/// The details of a trigger in the objects query (`t` rows).
struct PostgresTriggerDetails: Decodable {
    /// `tgtype`: bits for FOR EACH ROW (1), BEFORE (2), INSERT (4), DELETE (8), UPDATE (16), TRUNCATE (32), INSTEAD OF (64).
    var type: Int
    var function: String
    /// The arguments, each ended by `\000` (`encode(tgargs, 'escape')`).
    var arguments: String?
    var argumentCount: Int
    var updateOf: [String]?
    /// The columns the trigger uses (`UPDATE OF` and its `WHEN`).
    var columns: [String]?
    var oldTable: String?
    var newTable: String?
    var constraint: Bool
    var deferrable: Bool
    var initiallyDeferred: Bool
    /// `O` (enabled), `D`, `R`, `A`.
    var enabled: String

    /// The trigger as the IR holds it; its `WHEN` condition taken from `pg_get_triggerdef`.
    func trigger(_ name: String, definition: String) -> Trigger {
        let timing: Trigger.Timing = type & 64 != 0 ? .insteadOf : type & 2 != 0 ? .before : .after
        var events: [Trigger.Event] = []
        if type & 4 != 0 { events.append(.insert) }
        if type & 16 != 0 { events.append(.update) }
        if type & 8 != 0 { events.append(.delete) }
        if type & 32 != 0 { events.append(.truncate) }
        var args: [String] = []
        if argumentCount > 0, let text = arguments {
            // `escape` doubles a backslash and writes the NUL ending each argument as \000.
            var current = "", rest = Substring(text)
            while let c = rest.first {
                if rest.hasPrefix("\\000") {
                    args.append(current)
                    current = ""
                    rest = rest.dropFirst(4)
                } else if rest.hasPrefix("\\\\") {
                    current.append("\\")
                    rest = rest.dropFirst(2)
                } else {
                    current.append(c)
                    rest = rest.dropFirst()
                }
            }
        }
        let firing: Trigger.Firing = switch enabled {
        case "D": .disabled
        case "R": .replica
        case "A": .always
        default: .enabled
        }
        return Trigger(
            name, timing, events, updateOf: updateOf ?? [], forEachRow: type & 1 != 0, when: Self.when(definition), function: function,
            arguments: args, oldTable: oldTable, newTable: newTable, constraint: constraint,
            deferrable: deferrable ? (initiallyDeferred ? .initiallyDeferred : .initiallyImmediate) : nil, firing: firing)
    }

    /// The condition of `… WHEN (condition) EXECUTE …` in a trigger's definition.
    static func when(_ definition: String) -> String? {
        let tokens = SQLTokenizer.tokenize(definition)
        guard let at = tokens.firstIndex(where: { $0.isKeyword("WHEN") }), at + 1 < tokens.count, tokens[at + 1].isPunctuation("("),
            let close = SQLTokenizer.matchingParen(tokens[...], from: at + 1), close > at + 2
        else { return nil }
        return String(definition[tokens[at + 2].range.lowerBound..<tokens[close - 1].range.upperBound])
    }
}

/// An index of a materialized view or a partition, as `PostgresIntrospector.ownIndexes` reads it.
struct PostgresIndexDetails: Decodable {
    struct Key: Decodable {
        var text: String
        /// The column, for a key that is one.
        var column: String?
        /// `indoption` bits: 1 DESC, 2 NULLS FIRST.
        var options: Int
    }
    var name: String
    var unique: Bool
    var method: String
    var predicate: String?
    var comment: String?
    var keys: [Key]?

    /// The index as the IR holds it.
    var index: Retort.Index {
        let keys = keys ?? []
        return Retort.Index(
            keys: keys.map { $0.column.map(IndexKey.column) ?? .expression($0.text) }, unique: unique, name: name,
            where: predicate.map(SQLText.normalizeExpression), using: method,
            options: keys.map { IndexKeyOptions(descending: $0.options & 1 != 0, nulls: $0.options & 2 != 0 ? .first : .last) },
            comment: comment)
    }
}

/// The details of a materialized view in the objects query (`x` rows).
struct PostgresMaterializedViewDetails: Decodable {
    var withData: Bool
    var indexes: [PostgresIndexDetails]?

    /// The indexes as the IR holds them.
    var indexList: [Retort.Index] { (indexes ?? []).map(\.index) }
}

/// The details of a partition in the objects query (`r` rows): its own indexes.
struct PostgresPartitionDetails: Decodable {
    var indexes: [PostgresIndexDetails]?
}

/// The details of a row-level security policy in the objects query (`y` rows).
struct PostgresPolicyDetails: Decodable {
    /// `polcmd`: `*` all, `r` select, `a` insert, `w` update, `d` delete.
    var command: String
    var permissive: Bool
    var roles: [String]?
    var using: String?
    var withCheck: String?
    /// The columns its expressions use (edges of the graph).
    var columns: [String]?

    func policy(_ name: String) -> Policy {
        let commands: [String: Policy.Command] = ["*": .all, "r": .select, "a": .insert, "w": .update, "d": .delete]
        let roles = (self.roles ?? []).filter { $0 != "public" }
        return Policy(name, for: commands[command] ?? .all, permissive: permissive, to: roles, using: using, withCheck: withCheck)
    }
}
