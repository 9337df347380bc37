/// Reads an SQLite schema with four queries: table-valued pragmas joined to `sqlite_master`.
struct SQLiteIntrospector {
    let db: any DatabaseConnection

    private static var userTables: String {
        let excluded = RetortTables.all.sorted().map(SQLText.literal).joined(separator: ", ")
        return """
            m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name NOT IN (\(excluded)) \
            AND m.sql NOT LIKE 'CREATE VIRTUAL%'
            """
    }

    func read() throws -> Schema {
        var tables: [String: Table] = [:]
        var order: [String] = []
        var parsed: [String: SQLiteTableSQL] = [:]
        var pkColumns: [String: [(Int64, String)]] = [:]

        // Each table's CREATE TABLE text comes once, with its first column (cid 0).
        let columnRows = try db.query(
            """
            SELECT m.name, CASE WHEN p.cid = 0 THEN m.sql END, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden
            FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name) AS p
            WHERE \(Self.userTables) ORDER BY m.name, p.cid
            """)
        for row in columnRows {
            let tableName = row[0].string ?? ""
            if tables[tableName] == nil {
                tables[tableName] = Table(name: tableName)
                order.append(tableName)
                parsed[tableName] = SQLiteTableSQL(sql: row[1].string ?? "")
            }
            // hidden: 0 a column, 2 a virtual and 3 a stored generated one (1: a virtual table's).
            let hidden = row[7].int ?? 0
            guard hidden == 0 || hidden == 2 || hidden == 3, row[2].string != SQLiteDialect.placeholderColumn else { continue }
            let name = row[2].string ?? ""
            let type = TypeNames.parse(row[3].string ?? "")
            var column = Column(name, type, nullable: row[4].int == 0)
            if let collation = parsed[tableName]?.collations[name] { column.collations = [.sqlite: collation] }
            if hidden != 0 {
                column.generated = parsed[tableName]?.generated[name].map { GeneratedColumn($0, stored: hidden == 3) }
            }
            if let d = row[5].string { column.defaultValue = DefaultValue.parse(sql: d)?.typed(for: type) }
            column.autoincrement = parsed[tableName]?.autoincrementColumns.contains(name) ?? false
            if let position = row[6].int, position > 0 { pkColumns[tableName, default: []].append((position, name)) }
            tables[tableName]!.columns.append(column)
        }
        for (name, columns) in pkColumns {
            let sortedColumns = columns.sorted { $0.0 < $1.0 }.map(\.1)
            tables[name]!.primaryKey = PrimaryKey(sortedColumns, name: parsed[name]?.primaryKeyName)
        }
        for (name, info) in parsed {
            tables[name]!.checks = info.checks
            tables[name]!.sqlite = info.options
        }

        let fkRows = try db.query(
            """
            SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete
            FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f
            WHERE \(Self.userTables) ORDER BY m.name, f.id, f.seq
            """)
        var fkGroups: [String: [Int64: ForeignKey]] = [:]
        var fkOrder: [String: [Int64]] = [:]
        for row in fkRows {
            let tableName = row[0].string ?? "", id = row[1].int ?? 0
            if fkGroups[tableName]?[id] == nil {
                fkGroups[tableName, default: [:]][id] = ForeignKey(
                    [], references: row[2].string ?? "", [],
                    onDelete: ReferentialAction(rawValue: row[6].string ?? "") ?? .noAction,
                    onUpdate: ReferentialAction(rawValue: row[5].string ?? "") ?? .noAction)
                fkOrder[tableName, default: []].append(id)
            }
            fkGroups[tableName]![id]!.columns.append(row[3].string ?? "")
            if let to = row[4].string { fkGroups[tableName]![id]!.referencedColumns.append(to) }
        }
        let byLowercasedName = Dictionary(tables.values.map { ($0.name.lowercased(), $0) }) { a, _ in a }
        for (tableName, ids) in fkOrder {
            // The pragma lists keys last-declared first; restore declaration order.
            for id in ids.sorted(by: >) {
                var fk = fkGroups[tableName]![id]!
                if let target = byLowercasedName[fk.referencedTable.lowercased()] {
                    fk.referencedTable = target.name
                    if fk.referencedColumns.isEmpty { fk.referencedColumns = target.primaryKey?.columns ?? [] }
                }
                let declared = parsed[tableName]?.foreignKeys.first {
                    $0.columns == fk.columns && $0.referencedTable.lowercased() == fk.referencedTable.lowercased()
                }
                fk.name = declared?.name
                fk.deferrable = declared?.deferrable
                tables[tableName]!.foreignKeys.append(fk)
            }
        }

        let indexRows = try db.query(
            """
            SELECT m.name, il.name, il."unique", il.origin, ii.seqno, ii.cid, ii.name, ix.sql, ii."desc", ii.coll
            FROM sqlite_master AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_xinfo(il.name) AS ii
            LEFT JOIN sqlite_master AS ix ON ix.type = 'index' AND ix.name = il.name
            WHERE \(Self.userTables) AND ii.key = 1 ORDER BY m.name, il.name, ii.seqno
            """)
        struct RawIndex {
            var table: String, name: String, unique: Bool, origin: String, keys: [IndexKey], sql: String?
            var options: [IndexKeyOptions] = []
        }
        var rawIndexes: [RawIndex] = []
        for row in indexRows {
            let tableName = row[0].string ?? "", indexName = row[1].string ?? ""
            if rawIndexes.last?.table != tableName || rawIndexes.last?.name != indexName {
                rawIndexes.append(
                    RawIndex(
                        table: tableName, name: indexName, unique: row[2].int == 1, origin: row[3].string ?? "c",
                        keys: [], sql: row[7].string))
            }
            let position = Int(row[4].int ?? 0)
            var options = IndexKeyOptions(descending: row[8].int == 1)
            if let column = row[6].string, let coll = row[9].string,
                coll.uppercased() != (parsed[tableName]?.collations[column]?.uppercased() ?? "BINARY")
            {
                options.collations = [.sqlite: coll]  // a key in another collation than its column's
            }
            rawIndexes[rawIndexes.count - 1].options.append(options)
            if let column = row[6].string {
                rawIndexes[rawIndexes.count - 1].keys.append(.column(column))
            } else {
                let keys = SQLiteIndexSQL(sql: row[7].string ?? "").keys
                rawIndexes[rawIndexes.count - 1].keys.append(.expression(position < keys.count ? keys[position] : "?"))
            }
        }
        for raw in rawIndexes {
            switch raw.origin {
            case "pk":
                continue
            case "u":
                let columns = raw.keys.compactMap(\.column)
                let name = parsed[raw.table]?.uniques.first { $0.columns == columns }?.name
                tables[raw.table]!.uniqueConstraints.append(UniqueConstraint(columns, name: name))
            default:
                let predicate = raw.sql.flatMap { SQLiteIndexSQL(sql: $0).predicate }
                tables[raw.table]!.indexes.append(
                    Index(keys: raw.keys, unique: raw.unique, name: raw.name, where: predicate, options: raw.options))
            }
        }

        let triggerRows = try db.query(
            "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY tbl_name, name")
        for row in triggerRows {
            guard let tableName = row[0].string, tables[tableName] != nil, let sql = row[2].string else { continue }
            tables[tableName]!.triggers.append(Trigger(name: row[1].string ?? "", sql: sql))
        }
        return Schema(tables: order.map { tables[$0]! })
    }
}
