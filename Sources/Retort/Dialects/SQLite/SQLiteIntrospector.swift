/// Reads an SQLite schema with four queries: table-valued pragmas joined to `sqlite_master`, each
/// decoded into its record type (`SQLiteCatalogRows.swift`) and read by one function per kind.
struct SQLiteIntrospector {
    let db: any DatabaseConnection

    private static var userTables: String {
        let excluded = RetortTables.all.sorted().map(SQLText.literal).joined(separator: ", ")
        return """
            m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name NOT IN (\(excluded)) \
            AND m.sql NOT LIKE 'CREATE VIRTUAL%'
            """
    }

    /// Each table's CREATE TABLE text comes once, with its first column (cid 0).
    static var columnsQuery: String { """
        SELECT m.name AS "tableName", CASE WHEN p.cid = 0 THEN m.sql END AS "tableSQL", p.name AS "columnName",
               p.type AS "declaredType", p."notnull" AS "notNull", p.dflt_value AS "defaultSQL", p.pk AS "primaryKeyPosition",
               p.hidden AS "hidden"
        FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name) AS p
        WHERE \(userTables) ORDER BY m.name, p.cid
        """
    }

    static var foreignKeysQuery: String { """
        SELECT m.name AS "tableName", f.id AS "keyID", f."table" AS "referencedTable", f."from" AS "fromColumn",
               f."to" AS "toColumn", f.on_update AS "onUpdate", f.on_delete AS "onDelete"
        FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f
        WHERE \(userTables) ORDER BY m.name, f.id, f.seq
        """
    }

    static var indexesQuery: String { """
        SELECT m.name AS "tableName", il.name AS "indexName", il."unique" AS "isUnique", il.origin AS "origin",
               ii.seqno AS "position", ii.name AS "columnName", ii."desc" AS "descending", ii.coll AS "collation"
        FROM sqlite_master AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_xinfo(il.name) AS ii
        WHERE \(userTables) AND ii.key = 1 ORDER BY m.name, il.name, ii.seqno
        """
    }

    /// Triggers, views and indexes, with the SQL that creates them (a constraint's index has none).
    /// An index's text is read here rather than joined to the indexes query: SQLite would build
    /// an index of `sqlite_master` for that join on every read.
    static let objectsQuery = """
        SELECT type AS "type", tbl_name AS "tableName", name AS "name", sql AS "sql" FROM sqlite_master
        WHERE type IN ('trigger', 'view') OR (type = 'index' AND sql IS NOT NULL) ORDER BY type, tbl_name, name
        """

    /// The tables being read, by name, with what their CREATE TABLE text says.
    private struct Tables {
        var byName: [String: Table] = [:]
        var order: [String] = []
        var parsed: [String: SQLiteTableSQL] = [:]
    }

    func read() throws -> Schema {
        var tables = try Self.readColumns(try db.queryResult(Self.columnsQuery, []))
        Self.readForeignKeys(try CatalogRow.decode(try db.queryResult(Self.foreignKeysQuery, [])), into: &tables)
        let indexRows = try db.queryResult(Self.indexesQuery, [])
        let objects: [SQLiteObjectRow] = try CatalogRow.decode(try db.queryResult(Self.objectsQuery, []))
        let indexSQL = Dictionary(objects.filter { $0.type == "index" }.map { ($0.name, $0.sql ?? "") }) { a, _ in a }
        try Self.readIndexes(indexRows, sql: indexSQL, into: &tables)
        Self.readTriggers(objects.filter { $0.type == "trigger" }, into: &tables)
        var schema = Schema(tables: tables.order.map { tables.byName[$0]! })
        schema.catalog.dialect = .sqlite
        Self.readViews(objects.filter { $0.type == "view" }, into: &schema)
        return schema
    }

    /// Views, from their `CREATE VIEW` text; what each reads (the tables and views its query
    /// names) makes the edges of the graph. SQLite does not check a view's query when it is
    /// created, so the names are all there is.
    private static func readViews(_ rows: [SQLiteObjectRow], into schema: inout Schema) {
        for row in rows {
            guard let sql = row.sql, let view = SQLiteViewSQL.parse(sql, name: row.name) else { continue }
            schema.views.append(view)
            schema.catalog.objects[ObjectID(.view, view.name)] = CatalogObject(.view(view))
        }
        var known: [String: ObjectID] = [:]
        for t in schema.tables { known[t.name.lowercased()] = ObjectID(.table, t.name) }
        for v in schema.views { known[v.name.lowercased()] = ObjectID(.view, v.name) }
        for v in schema.views {
            let id = ObjectID(.view, v.name)
            var used = Set<ObjectID>()
            for token in SQLTokenizer.tokenize(v.query ?? "") where token.kind == .word || token.kind == .quotedIdentifier {
                if let other = known[token.value.lowercased()], other != id, used.insert(other).inserted {
                    schema.catalog.dependencies.append(ObjectDependency(id, on: other))
                }
            }
        }
    }

    /// Tables, their columns and primary key, and what only their CREATE TABLE text says
    /// (checks, collations, generated columns, AUTOINCREMENT, STRICT, constraint names).
    private static func readColumns(_ rows: QueryResult) throws -> Tables {
        var tables = Tables()
        var pkColumns: [String: [(Int64, String)]] = [:]
        for row in try CatalogRow.records(rows, as: SQLiteColumnRow.self) {
            let tableName = row.tableName
            if tables.byName[tableName] == nil {
                tables.byName[tableName] = Table(name: tableName)
                tables.order.append(tableName)
                tables.parsed[tableName] = SQLiteTableSQL(sql: row.tableSQL ?? "")
            }
            let hidden = row.hidden
            guard hidden == 0 || hidden == 2 || hidden == 3, row.columnName != SQLiteDialect.placeholderColumn else { continue }
            let name = row.columnName
            let parsed = tables.parsed[tableName]
            let type = TypeNames.parse(row.declaredType)
            var column = Column(name, type, nullable: !row.notNull)
            if let collation = parsed?.collations[name] { column.collations = [.sqlite: collation] }
            if hidden != 0 {
                column.generated = parsed?.generated[name].map { GeneratedColumn($0, stored: hidden == 3) }
            }
            if let d = row.defaultSQL { column.defaultValue = DefaultValue.parse(sql: d)?.typed(for: type) }
            column.autoincrement = parsed?.autoincrementColumns.contains(name) ?? false
            if row.primaryKeyPosition > 0 { pkColumns[tableName, default: []].append((row.primaryKeyPosition, name)) }
            tables.byName[tableName]!.columns.append(column)
        }
        for (name, columns) in pkColumns {
            let sortedColumns = columns.sorted { $0.0 < $1.0 }.map(\.1)
            tables.byName[name]!.primaryKey = PrimaryKey(sortedColumns, name: tables.parsed[name]?.primaryKeyName)
        }
        for (name, info) in tables.parsed {
            tables.byName[name]!.checks = info.checks
            tables.byName[name]!.sqlite = info.options
        }
        return tables
    }

    /// Foreign keys, in declaration order, with the names and deferrability the CREATE TABLE text gives them.
    private static func readForeignKeys(_ rows: [SQLiteForeignKeyRow], into tables: inout Tables) {
        var fkGroups: [String: [Int64: ForeignKey]] = [:]
        var fkOrder: [String: [Int64]] = [:]
        for row in rows {
            let tableName = row.tableName, id = row.keyID
            if fkGroups[tableName]?[id] == nil {
                fkGroups[tableName, default: [:]][id] = ForeignKey(
                    [], references: row.referencedTable, [],
                    onDelete: ReferentialAction(rawValue: row.onDelete) ?? .noAction,
                    onUpdate: ReferentialAction(rawValue: row.onUpdate) ?? .noAction)
                fkOrder[tableName, default: []].append(id)
            }
            fkGroups[tableName]![id]!.columns.append(row.fromColumn)
            if let to = row.toColumn { fkGroups[tableName]![id]!.referencedColumns.append(to) }
        }
        let byLowercasedName = Dictionary(tables.byName.values.map { ($0.name.lowercased(), $0) }) { a, _ in a }
        for (tableName, ids) in fkOrder {
            // The pragma lists keys last-declared first; restore declaration order.
            for id in ids.sorted(by: >) {
                var fk = fkGroups[tableName]![id]!
                if let target = byLowercasedName[fk.referencedTable.lowercased()] {
                    fk.referencedTable = target.name
                    if fk.referencedColumns.isEmpty { fk.referencedColumns = target.primaryKey?.columns ?? [] }
                }
                let declared = tables.parsed[tableName]?.foreignKeys.first {
                    $0.columns == fk.columns && $0.referencedTable.lowercased() == fk.referencedTable.lowercased()
                }
                fk.name = declared?.name
                fk.deferrable = declared?.deferrable
                tables.byName[tableName]!.foreignKeys.append(fk)
            }
        }
    }

    /// Indexes and unique constraints (a primary key's index is the key's own).
    private static func readIndexes(_ rows: QueryResult, sql indexSQL: [String: String], into tables: inout Tables) throws {
        struct RawIndex {
            var table: String, name: String, unique: Bool, origin: String, keys: [IndexKey], sql: String?
            var options: [IndexKeyOptions] = []
        }
        var rawIndexes: [RawIndex] = []
        for row in try CatalogRow.records(rows, as: SQLiteIndexKeyRow.self) {
            let tableName = row.tableName, indexName = row.indexName
            if rawIndexes.last?.table != tableName || rawIndexes.last?.name != indexName {
                rawIndexes.append(
                    RawIndex(table: tableName, name: indexName, unique: row.isUnique, origin: row.origin, keys: [], sql: indexSQL[indexName]))
            }
            let position = Int(row.position)
            var options = IndexKeyOptions(descending: row.descending)
            if let column = row.columnName, let coll = row.collation,
                coll.uppercased() != (tables.parsed[tableName]?.collations[column]?.uppercased() ?? "BINARY")
            {
                options.collations = [.sqlite: coll]  // a key in another collation than its column's
            }
            rawIndexes[rawIndexes.count - 1].options.append(options)
            if let column = row.columnName {
                rawIndexes[rawIndexes.count - 1].keys.append(.column(column))
            } else {
                let keys = SQLiteIndexSQL(sql: indexSQL[indexName] ?? "").keys
                rawIndexes[rawIndexes.count - 1].keys.append(.expression(position < keys.count ? keys[position] : "?"))
            }
        }
        for raw in rawIndexes {
            switch raw.origin {
            case "pk":
                continue
            case "u":
                let columns = raw.keys.compactMap(\.column)
                let name = tables.parsed[raw.table]?.uniques.first { $0.columns == columns }?.name
                tables.byName[raw.table]!.uniqueConstraints.append(UniqueConstraint(columns, name: name))
            default:
                let predicate = raw.sql.flatMap { SQLiteIndexSQL(sql: $0).predicate }
                tables.byName[raw.table]!.indexes.append(
                    Index(keys: raw.keys, unique: raw.unique, name: raw.name, where: predicate, options: raw.options))
            }
        }
    }

    /// Triggers, read into their parts (kept as written when their text has another shape).
    private static func readTriggers(_ rows: [SQLiteObjectRow], into tables: inout Tables) {
        for row in rows {
            guard let tableName = row.tableName, tables.byName[tableName] != nil, let sql = row.sql else { continue }
            var trigger = SQLiteTriggerSQL.parse(sql) ?? Trigger(name: row.name, sql: sql)
            trigger.name = row.name
            tables.byName[tableName]!.triggers.append(trigger)
        }
    }
}
