/// The records of `SQLiteIntrospector`'s catalog queries: each stored property is a column alias
/// of its query (checked on every read, and by `CatalogQueryTests` with `Mirror`).

/// A row of the columns query (`pragma_table_xinfo`): one column, with the table's CREATE TABLE
/// text on its first column.
struct SQLiteColumnRow: CatalogRecord {
    var tableName: String
    /// The table's CREATE TABLE text, on the row of its first column only.
    var tableSQL: String?
    var columnName: String
    var declaredType: String
    var notNull: Bool
    var defaultSQL: String?
    /// The column's position in the primary key (1-based), or 0.
    var primaryKeyPosition: Int64
    /// 0 a column, 2 a virtual and 3 a stored generated one (1: a virtual table's).
    var hidden: Int64

    init(_ row: CatalogRow) {
        tableName = row.string("tableName") ?? ""
        tableSQL = row.string("tableSQL")
        columnName = row.string("columnName") ?? ""
        declaredType = row.string("declaredType") ?? ""
        notNull = row.bool("notNull")
        defaultSQL = row.string("defaultSQL")
        primaryKeyPosition = row.int("primaryKeyPosition") ?? 0
        hidden = row.int("hidden") ?? 0
    }
}

/// A row of the foreign keys query (`pragma_foreign_key_list`): one column pair of a key.
struct SQLiteForeignKeyRow: CatalogRecord {
    var tableName: String
    /// The key's number within its table (the pragma lists keys last-declared first).
    var keyID: Int64
    var referencedTable: String
    var fromColumn: String
    /// The referenced column; NULL when the key names the referenced table's primary key implicitly.
    var toColumn: String?
    var onUpdate: String
    var onDelete: String

    init(_ row: CatalogRow) {
        tableName = row.string("tableName") ?? ""
        keyID = row.int("keyID") ?? 0
        referencedTable = row.string("referencedTable") ?? ""
        fromColumn = row.string("fromColumn") ?? ""
        toColumn = row.string("toColumn")
        onUpdate = row.string("onUpdate") ?? ""
        onDelete = row.string("onDelete") ?? ""
    }
}

/// A row of the indexes query (`pragma_index_list` and `pragma_index_xinfo`): one key of an index.
struct SQLiteIndexKeyRow: CatalogRecord {
    var tableName: String
    var indexName: String
    var isUnique: Bool
    /// `c` (CREATE INDEX), `u` (UNIQUE constraint) or `pk`.
    var origin: String
    var position: Int64
    /// The key's column; NULL for an expression key.
    var columnName: String?
    var descending: Bool
    var collation: String?

    init(_ row: CatalogRow) {
        tableName = row.string("tableName") ?? ""
        indexName = row.string("indexName") ?? ""
        isUnique = row.bool("isUnique")
        origin = row.string("origin") ?? "c"
        position = row.int("position") ?? 0
        columnName = row.string("columnName")
        descending = row.bool("descending")
        collation = row.string("collation")
    }
}

/// A row of the objects query.
struct SQLiteObjectRow: CatalogRecord {
    /// `trigger`, `view` or `index`.
    var type: String
    var tableName: String?
    var name: String
    var sql: String?

    init(_ row: CatalogRow) {
        type = row.string("type") ?? ""
        tableName = row.string("tableName")
        name = row.string("name") ?? ""
        sql = row.string("sql")
    }
}
