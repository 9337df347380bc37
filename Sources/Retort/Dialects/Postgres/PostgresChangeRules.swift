/// PostgreSQL's rules for column changes: a type change needs a cast PostgreSQL has, and objects
/// Retort does not manage (views, rules) pin the columns and tables they use.
enum PostgresChangeRules {
    /// Throws an `UnsupportedChange` for a type change PostgreSQL has no cast for, or one that an object
    /// Retort does not manage (a view) depends on.
    static func check(table: String, from: Column, to: Column, dependents: [String]) throws {
        if let blocker = dependents.first, to.generated != nil, from.generated != to.generated {
            throw UnsupportedChange(
                "cannot change how \(table).\(from.name) is generated: \(blocker) depends on it; drop it first and re-create it after (hand-written steps)")
        }
        let fromType = PostgresDialect.parseType(PostgresDialect.typeSQL(from))
        let toType = PostgresDialect.parseType(PostgresDialect.typeSQL(to))
        if let blocker = dependents.first, fromType == toType, from.collations[.postgres] != to.collations[.postgres] {
            throw UnsupportedChange(
                "cannot change the collation of \(table).\(from.name): \(blocker) depends on it; drop it first and re-create it after (hand-written steps)")
        }
        guard fromType != toType else { return }
        if let blocker = dependents.first {
            throw UnsupportedChange(
                "cannot change the type of \(table).\(from.name): \(blocker) depends on it; drop it first and re-create it after (hand-written steps)")
        }
        if !castable(from: fromType, to: toType) {
            throw UnsupportedChange(
                "cannot change \(table).\(from.name) from \(fromType.displayName) to \(toType.displayName): PostgreSQL has no cast between them; write the conversion in a hand-written step (e.g. add a new column and fill it)")
        }
    }

    /// Refuses dropping a table or column that a view or rule depends on.
    static func checkDrop(_ what: String, dependents: [String]) throws {
        if let blocker = dependents.first {
            throw UnsupportedChange("cannot drop \(what): \(blocker) depends on it; drop it first (a hand-written step)")
        }
    }

    /// True when PostgreSQL can convert a value of one type to the other with a cast (`USING c::t`).
    static func castable(from: ColumnType, to: ColumnType) -> Bool {
        func family(_ t: ColumnType) -> String {
            switch t {
            case .smallint, .integer, .bigint, .real, .double, .decimal: return "number"
            case .text, .string: return "text"
            case .date, .timestamp: return "time"
            case .boolean: return "boolean"
            case .uuid: return "uuid"
            case .json: return "json"
            case .blob: return "blob"
            case .enumeration: return "enum"
            case .native(let s): return s.hasSuffix("[]") ? "array" : s == "json" ? "json" : "native"
            }
        }
        let a = family(from), b = family(to)
        if a == b || a == "text" || b == "text" || a == "enum" || b == "enum" || a == "native" || b == "native" { return true }
        // integer <-> boolean exists for int4 only.
        if (from == .integer && to == .boolean) || (from == .boolean && to == .integer) { return true }
        return false
    }
}
