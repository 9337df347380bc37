/// The PostgreSQL table for an SQLite table, when no models say what it should be (the
/// stand-alone `retort transfer`). The mapping is documented in docs/transfer.md.
public enum SQLiteTypeMapping {
    /// The PostgreSQL type for an SQLite column, read as SQLite's introspection reads it.
    public static func postgresType(for column: Column) -> ColumnType {
        switch column.type {
        // SQLite integers are 64-bit whatever the declared width.
        case .smallint, .integer, .bigint: return .bigint
        // SQLite's REAL is an 8-byte double.
        case .real, .double: return .double
        case .text, .string, .boolean, .decimal, .date, .uuid, .json, .blob: return column.type
        // DATETIME holds instants; a value that names no zone is read as UTC (or --timezone).
        case .timestamp: return .timestamptz
        case .enumeration: return .text
        // ANY (a strict table's untyped column) holds values as given, as a column with no declared type does.
        case .native(let declared) where declared.uppercased() == "ANY": return .text
        case .native(let declared):
            switch SQLiteDialect.affinity(declared) {
            case "INTEGER": return .bigint
            case "TEXT": return .text
            case "REAL": return .double
            case "NUMERIC": return declared.isEmpty ? .text : .native("numeric")
            default: return declared.isEmpty ? .text : .blob
            }
        }
    }

    /// The PostgreSQL table for an SQLite table: mapped types, identity for an autoincrement key,
    /// keys, constraints and indexes kept, defaults spelled for the new types.
    public static func postgresTable(for table: Table) -> Table {
        var t = table
        t.triggers = []
        t.hints = nil
        t.columns = table.columns.map { c in
            var m = c
            m.type = postgresType(for: c)
            m.nativeTypes = [:]
            if c.autoincrement { m.autoincrementKind = .identity(.byDefault) }
            m.defaultValue = c.defaultValue?.typed(for: m.type)
            return m
        }
        return t
    }
}
