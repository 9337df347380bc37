import Retort

/// Everything the random-pair generator and mutator can draw. `RandomPairTests` checks that each
/// one possible on a dialect is drawn by the seeds it runs, so a feature listed here and never
/// generated fails a test instead of silently going untested.
enum PairFeature: String, CaseIterable, Sendable {
    // Column types.
    case smallint, integer, bigint, real, double, numeric, text, varchar, char, boolean, date, timestamp, timestamptz, time
    case interval, uuid, json, jsonb, bytea, inet, intArray, textArray, enumColumn, domainColumn, citext, hstore
    // Columns.
    case notNull, nullable, collation, columnComment, generatedStored, generatedVirtual
    case defaultLiteral, defaultTypedLiteral, defaultExpression, defaultSequence, defaultFunction
    case identityAlways, identityByDefault, identityOptions, identityCycle, serial, autoincrement
    // Keys and indexes.
    case primaryKey, compositePrimaryKey, namedPrimaryKey, noPrimaryKey
    case unique, uniqueMultiColumn, uniqueNullsNotDistinct, uniqueDeferrable
    case index, uniqueIndex, partialIndex, expressionIndex, multiColumnIndex, descendingKey, nullsOrder, opclass
    case indexInclude, indexFillfactor, hashIndex, ginIndex, brinIndex, keyCollation
    case foreignKey, compositeForeignKey, foreignKeyCycle, selfReference, foreignKeyActions, deferrableForeignKey
    case check, checkWithFunction
    // Objects.
    case tableComment, enumType, domain, sequence, scalarFunction, triggerFunction, view, viewOverView, materializedView
    case trigger, triggerWhen, triggerUpdateOf, policy, restrictivePolicy, rowLevelSecurity
    case rangePartitions, listPartitions, hashPartitions, extensionUsed, unusualName, emptyTables
    // Changes.
    case addTable, dropTable, renameTable, addColumn, dropColumn, renameColumn, changeType, changeTypeWithoutCast
    case setNotNull, dropNotNull, setDefault, dropDefault, changeCollation, changeComment, changeIdentity
    case changeGenerated, changePrimaryKey, addIndex, dropIndex, changeIndex, addUnique, dropUnique
    case addForeignKey, dropForeignKey, changeForeignKey, addCheck, dropCheck, changeCheck
    case addEnumValue, renameEnumValue, addView, dropView, changeView, addTrigger, dropTrigger, changeTrigger
    case changeFunction, addPolicy, dropPolicy, changePolicy, toggleRowLevelSecurity, addPartition, dropPartition, addExtension

    /// False for what SQLite has no form of.
    var onSQLite: Bool {
        switch self {
        case .timestamptz, .time, .interval, .jsonb, .inet, .intArray, .textArray, .enumColumn, .domainColumn, .citext, .hstore,
             .columnComment, .defaultTypedLiteral, .defaultSequence, .defaultFunction, .identityAlways, .identityByDefault,
             .identityOptions, .identityCycle, .serial, .uniqueNullsNotDistinct, .uniqueDeferrable, .nullsOrder, .opclass,
             .indexInclude, .indexFillfactor, .hashIndex, .ginIndex, .brinIndex, .checkWithFunction, .tableComment, .enumType,
             .domain, .sequence, .scalarFunction, .triggerFunction, .materializedView, .policy, .restrictivePolicy,
             .rowLevelSecurity, .rangePartitions, .listPartitions, .hashPartitions, .extensionUsed, .changeTypeWithoutCast,
             .changeComment, .changeIdentity, .addEnumValue, .renameEnumValue, .changeFunction, .addPolicy, .dropPolicy,
             .changePolicy, .toggleRowLevelSecurity, .addPartition, .dropPartition, .addExtension:
            return false
        default:
            return true
        }
    }
    /// False for what PostgreSQL has no form of.
    var onPostgres: Bool { self != .autoincrement && self != .generatedVirtual }

    static func all(_ dialect: DialectName) -> Set<PairFeature> {
        Set(allCases.filter { dialect == .postgres ? $0.onPostgres : $0.onSQLite })
    }

    static func type(_ t: PairType) -> PairFeature {
        switch t {
        case .smallint: .smallint
        case .integer: .integer
        case .bigint: .bigint
        case .real: .real
        case .double: .double
        case .numeric: .numeric
        case .text: .text
        case .varchar: .varchar
        case .char: .char
        case .boolean: .boolean
        case .date: .date
        case .timestamp: .timestamp
        case .timestamptz: .timestamptz
        case .time: .time
        case .interval: .interval
        case .uuid: .uuid
        case .json: .json
        case .jsonb: .jsonb
        case .bytea: .bytea
        case .inet: .inet
        case .intArray: .intArray
        case .textArray: .textArray
        case .enumeration: .enumColumn
        case .domain: .domainColumn
        case .citext: .citext
        case .hstore: .hstore
        }
    }

    /// The features a schema holds.
    static func drawn(in s: PairSchema) -> Set<PairFeature> {
        var f = Set<PairFeature>()
        func add(_ x: PairFeature, _ when: Bool = true) { if when { f.insert(x) } }
        add(.extensionUsed, !s.extensions.isEmpty)
        add(.enumType, !s.enums.isEmpty)
        add(.domain, !s.domains.isEmpty)
        add(.sequence, !s.sequences.isEmpty)
        add(.emptyTables, s.rows == 0 && !s.tables.isEmpty)
        for fn in s.functions {
            if case .scalar = fn.kind { add(.scalarFunction) } else { add(.triggerFunction) }
        }
        let names = s.usedNames
        add(.unusualName, names.contains { $0.contains { !$0.isLetter && !$0.isNumber && $0 != "_" } || $0 != $0.lowercased() })
        for t in s.tables {
            add(.tableComment, t.comment != nil)
            add(.rowLevelSecurity, t.rowLevelSecurity)
            add(.noPrimaryKey, t.primaryKey.isEmpty && t.partition == nil)
            add(.primaryKey, t.primaryKey.count == 1)
            add(.compositePrimaryKey, t.primaryKey.count > 1)
            add(.namedPrimaryKey, t.primaryKeyName != nil)
            if let p = t.partition {
                add(p.kind == .range ? .rangePartitions : p.kind == .list ? .listPartitions : .hashPartitions)
            }
            for c in t.columns {
                add(type(c.type))
                add(c.nullable ? .nullable : .notNull)
                add(.collation, c.collation != nil)
                add(.columnComment, c.comment != nil)
                if let g = c.generated { add(g.stored ? .generatedStored : .generatedVirtual) }
                switch c.defaultValue?.kind {
                case .literal?: add(.defaultLiteral)
                case .typedLiteral?: add(.defaultTypedLiteral)
                case .expression?: add(.defaultExpression)
                case .sequence?: add(.defaultSequence)
                case .function?: add(.defaultFunction)
                case nil: break
                }
                switch c.auto {
                case .identity(let always, let o)?:
                    add(always ? .identityAlways : .identityByDefault)
                    add(.identityOptions, o != PairIdentityOptions())
                    add(.identityCycle, o.cycle)
                case .serial?: add(.serial)
                case .autoincrement?: add(.autoincrement)
                case nil: break
                }
            }
            for u in t.uniques {
                add(.unique)
                add(.uniqueMultiColumn, u.columns.count > 1)
                add(.uniqueNullsNotDistinct, u.nullsNotDistinct)
                add(.uniqueDeferrable, u.deferrable)
            }
            for i in t.indexes {
                add(i.unique ? .uniqueIndex : .index)
                add(.partialIndex, i.predicate != nil)
                add(.multiColumnIndex, i.keys.count > 1)
                add(.indexInclude, !i.include.isEmpty)
                add(.indexFillfactor, i.fillfactor != nil)
                add(.hashIndex, i.method == "hash")
                add(.ginIndex, i.method == "gin")
                add(.brinIndex, i.method == "brin")
                for k in i.keys {
                    add(.expressionIndex, k.expression != nil)
                    add(.descendingKey, k.descending)
                    add(.nullsOrder, k.nulls != nil)
                    add(.opclass, k.opclass != nil)
                    add(.keyCollation, k.collation != nil)
                }
            }
            for fk in t.foreignKeys {
                add(.foreignKey)
                add(.compositeForeignKey, fk.columns.count > 1)
                add(.selfReference, fk.table == t.name)
                add(.foreignKeyActions, fk.onDelete != nil || fk.onUpdate != nil)
                add(.deferrableForeignKey, fk.deferrable > 0)
                if fk.table != t.name, s.table(fk.table)?.foreignKeys.contains(where: { $0.table == t.name }) == true { add(.foreignKeyCycle) }
            }
            for c in t.checks {
                add(.check)
                add(.checkWithFunction, c.condition.kind == .function)
            }
        }
        for v in s.views {
            add(v.materialized ? .materializedView : .view)
            add(.viewOverView, v.overView)
        }
        for tr in s.triggers {
            add(.trigger)
            add(.triggerWhen, tr.when != nil)
            add(.triggerUpdateOf, !tr.updateOf.isEmpty)
        }
        for p in s.policies {
            add(.policy)
            add(.restrictivePolicy, !p.permissive)
        }
        return f
    }
}
