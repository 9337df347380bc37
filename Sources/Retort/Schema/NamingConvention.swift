/// Gives unnamed constraints and indexes deterministic names, so they can be diffed.
///
/// The patterns follow the common `pk_`/`uq_`/`ix_`/`fk_`/`ck_` scheme. Names longer than
/// PostgreSQL's 63-byte limit are shortened with a stable hash suffix.
public struct NamingConvention: Sendable {
    /// The longest identifier, in UTF-8 bytes, that every supported dialect keeps intact.
    public static let maxIdentifierBytes = 63

    /// The convention Retort uses unless told otherwise.
    public static let standard = NamingConvention()

    /// The standard convention.
    public init() {}

    /// The name of a table's primary key.
    public func primaryKey(table: String) -> String { Self.fit("pk_\(table)") }

    /// The name of a unique constraint.
    public func unique(table: String, columns: [String]) -> String {
        Self.fit("uq_\(table)_\(columns.joined(separator: "_"))")
    }

    /// The name of an index.
    public func index(table: String, keys: [IndexKey]) -> String {
        let parts = keys.map { key in key.column ?? "expr_" + StableHash.hex(key.displayName).prefix(6) }
        return Self.fit("ix_\(table)_\(parts.joined(separator: "_"))")
    }

    /// The name of a foreign key.
    public func foreignKey(table: String, columns: [String], referencedTable: String) -> String {
        Self.fit("fk_\(table)_\(columns.joined(separator: "_"))_\(referencedTable)")
    }

    /// The name of an unnamed check constraint, from a hash of its expression.
    public func check(table: String, expression: String) -> String {
        Self.fit("ck_\(table)_\(StableHash.hex(expression).prefix(8))")
    }

    /// Shortens a name to the identifier limit, keeping it unique with a hash of the whole.
    public static func fit(_ name: String) -> String {
        guard name.utf8.count > maxIdentifierBytes else { return name }
        let suffix = "_" + StableHash.hex(name).prefix(8)
        var head = ""
        for ch in name {
            if head.utf8.count + String(ch).utf8.count + suffix.utf8.count > maxIdentifierBytes { break }
            head.append(ch)
        }
        return head + suffix
    }
}

extension Schema {
    /// A copy in which every unnamed constraint and index has its conventional name.
    public func named(by convention: NamingConvention = .standard) -> Schema {
        var copy = self
        for t in copy.tables.indices {
            let table = copy.tables[t].name
            if var pk = copy.tables[t].primaryKey, pk.name == nil {
                pk.name = convention.primaryKey(table: table)
                copy.tables[t].primaryKey = pk
            }
            for i in copy.tables[t].uniqueConstraints.indices where copy.tables[t].uniqueConstraints[i].name == nil {
                copy.tables[t].uniqueConstraints[i].name = convention.unique(
                    table: table, columns: copy.tables[t].uniqueConstraints[i].columns)
            }
            for i in copy.tables[t].foreignKeys.indices where copy.tables[t].foreignKeys[i].name == nil {
                let fk = copy.tables[t].foreignKeys[i]
                copy.tables[t].foreignKeys[i].name = convention.foreignKey(
                    table: table, columns: fk.columns, referencedTable: fk.referencedTable)
            }
            for i in copy.tables[t].checks.indices where copy.tables[t].checks[i].name == nil {
                copy.tables[t].checks[i].name = convention.check(
                    table: table, expression: copy.tables[t].checks[i].expression)
            }
            for i in copy.tables[t].indexes.indices where copy.tables[t].indexes[i].name == nil {
                copy.tables[t].indexes[i].name = convention.index(table: table, keys: copy.tables[t].indexes[i].keys)
            }
        }
        return copy
    }
}
