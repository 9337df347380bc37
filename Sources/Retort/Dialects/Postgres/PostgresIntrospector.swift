import Foundation

/// Reads a PostgreSQL schema (the connection's current schema) with three catalog queries,
/// whatever the number of tables.
struct PostgresIntrospector {
    let db: any DatabaseConnection

    private static var excluded: String { RetortTables.all.sorted().map(SQLText.literal).joined(separator: ", ") }

    static let columnsQuery = """
        SELECT c.relname, td.description, a.attname, format_type(a.atttypid, a.atttypmod),
               a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, cd.description,
               owned.refobjid IS NOT NULL,
               CASE WHEN ty.typtype = 'e' THEN ty.typname END,
               CASE WHEN ty.typtype = 'e' THEN (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
                                                FROM pg_enum e WHERE e.enumtypid = ty.oid)::text END
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        JOIN pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        LEFT JOIN pg_description td ON td.objoid = c.oid AND td.classoid = 'pg_class'::regclass AND td.objsubid = 0
        LEFT JOIN pg_description cd ON cd.objoid = c.oid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum
        LEFT JOIN (SELECT DISTINCT dep.refobjid, dep.refobjsubid
                   FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
                   WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
                     AND dep.deptype = 'a') owned
               ON owned.refobjid = c.oid AND owned.refobjsubid = a.attnum
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname NOT IN (\(excluded))
        ORDER BY c.relname, a.attnum
        """

    static let constraintsQuery = """
        SELECT c.relname, con.conname, con.contype,
               (SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY AS k(n, i)
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n)::text,
               fc.relname,
               (SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY AS k(n, i)
                JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n)::text,
               con.confdeltype, con.confupdtype,
               CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f', 'c') AND c.relname NOT IN (\(excluded))
        ORDER BY c.relname, con.conname
        """

    static let indexesQuery = """
        SELECT tc.relname, ic.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid),
               (SELECT json_agg(CASE WHEN k.n = 0 THEN 'e' || pg_get_indexdef(i.indexrelid, k.i::int, true)
                                     ELSE 'c' || a.attname::text END ORDER BY k.i)
                FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, i)
                LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
                WHERE k.i <= i.indnkeyatts)::text
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class tc ON tc.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = tc.relnamespace
        WHERE n.nspname = current_schema() AND tc.relkind IN ('r', 'p') AND tc.relname NOT IN (\(excluded))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
                          AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
        ORDER BY tc.relname, ic.relname
        """

    func read() throws -> Schema {
        var tables: [String: Table] = [:]
        var order: [String] = []
        for row in try db.query(Self.columnsQuery) {
            let name = row[0].string ?? ""
            if tables[name] == nil {
                tables[name] = Table(name: name, comment: row[1].string)
                order.append(name)
            }
            var column = Column(row[2].string ?? "", PostgresDialect.parseType(row[3].string ?? ""), nullable: row[4].int == 0)
            if let enumName = row[9].string { column.type = .enumeration(enumName, Self.names(row[10])) }
            let identity = row[6].string ?? ""
            let ownsSequence = row[8].int == 1
            if !identity.isEmpty {
                column.autoincrement = true
            } else if ownsSequence, let d = row[5].string, d.hasPrefix("nextval(") {
                column.autoincrement = true  // serial / bigserial
            } else if let d = row[5].string {
                column.defaultValue = PostgresDialect.parseDefault(d)?.typed(for: column.type)
            }
            column.comment = row[7].string
            tables[name]!.columns.append(column)
        }

        for row in try db.query(Self.constraintsQuery) {
            let table = row[0].string ?? "", name = row[1].string
            guard tables[table] != nil else { continue }
            let columns = Self.names(row[3])
            switch row[2].string {
            case "p":
                tables[table]!.primaryKey = PrimaryKey(columns, name: name)
            case "u":
                tables[table]!.uniqueConstraints.append(UniqueConstraint(columns, name: name))
            case "f":
                tables[table]!.foreignKeys.append(
                    ForeignKey(
                        columns, references: row[4].string ?? "", Self.names(row[5]), onDelete: Self.action(row[6].string),
                        onUpdate: Self.action(row[7].string), name: name))
            case "c":
                var def = row[8].string ?? ""
                if def.hasPrefix("CHECK ") { def = String(def.dropFirst(6)) }
                if def.hasSuffix(" NOT VALID") { def = String(def.dropLast(10)) }
                tables[table]!.checks.append(CheckConstraint(name, SQLText.normalizeExpression(def)))
            default:
                break
            }
        }

        for row in try db.query(Self.indexesQuery) {
            let table = row[0].string ?? ""
            guard tables[table] != nil else { continue }
            tables[table]!.indexes.append(
                Index(
                    keys: Self.names(row[4]).map(Self.indexKey), unique: row[2].int == 1, name: row[1].string,
                    where: row[3].string.map(SQLText.normalizeExpression)))
        }
        return Schema(tables: order.map { tables[$0]! })
    }

    /// A JSON array of names, as `json_agg` writes them (`["a", "b \\"c\\""]`).
    static func names(_ value: SQLValue) -> [String] {
        guard let text = value.string else { return [] }
        var names: [String] = []
        var current = ""
        var inString = false
        var iterator = text.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            if !inString {
                if c == "\"" { inString = true; current = "" }
                continue
            }
            switch c {
            case "\"":
                names.append(current)
                inString = false
            case "\\":
                guard let e = iterator.next() else { break }
                switch e {
                case "n": current += "\n"
                case "t": current += "\t"
                case "r": current += "\r"
                case "b": current += "\u{8}"
                case "f": current += "\u{C}"
                case "u":
                    var hex = ""
                    for _ in 0..<4 { if let h = iterator.next() { hex.unicodeScalars.append(h) } }
                    if let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) { current.unicodeScalars.append(scalar) }
                default: current.unicodeScalars.append(e)
                }
            default:
                current.unicodeScalars.append(c)
            }
        }
        return names
    }

    /// An index key as the indexes query tags it: `c` + a column name or `e` + an expression.
    static func indexKey(_ tagged: String) -> IndexKey {
        tagged.hasPrefix("e") ? .expression(String(tagged.dropFirst())) : .column(String(tagged.dropFirst()))
    }

    private static func action(_ code: String?) -> ReferentialAction {
        switch code {
        case "r": return .restrict
        case "c": return .cascade
        case "n": return .setNull
        case "d": return .setDefault
        default: return .noAction
        }
    }
}
