import Foundation

/// Reads a PostgreSQL schema (the connection's current schema) with four catalog queries,
/// whatever the number of tables.
struct PostgresIntrospector {
    let db: any DatabaseConnection

    private static var excluded: String { RetortTables.all.sorted().map(SQLText.literal).joined(separator: ", ") }

    /// One row per column (one with NULL column for a table with none): type, default, identity
    /// and its sequence's start and increment, and whether the default is a serial's `nextval`.
    static let columnsQuery = """
        SELECT c.relname, td.description, a.attname, format_type(a.atttypid, a.atttypmod),
               a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, cd.description,
               serial.name,
               CASE WHEN ty.typtype = 'e' THEN ty.typname END,
               CASE WHEN ty.typtype = 'e' THEN (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
                                                FROM pg_enum e WHERE e.enumtypid = ty.oid)::text END,
               ident.seqstart, ident.seqincrement
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        LEFT JOIN pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        LEFT JOIN pg_description td ON td.objoid = c.oid AND td.classoid = 'pg_class'::regclass AND td.objsubid = 0
        LEFT JOIN pg_description cd ON cd.objoid = c.oid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum
        LEFT JOIN LATERAL (
            SELECT s.relname AS name FROM pg_depend o JOIN pg_class s ON s.oid = o.objid AND s.relkind = 'S'
            WHERE o.classid = 'pg_class'::regclass AND o.refclassid = 'pg_class'::regclass AND o.deptype = 'a'
              AND o.refobjid = c.oid AND o.refobjsubid = a.attnum
              AND EXISTS (SELECT 1 FROM pg_depend u WHERE u.classid = 'pg_attrdef'::regclass AND u.objid = d.oid
                          AND u.refclassid = 'pg_class'::regclass AND u.refobjid = s.oid)
            LIMIT 1) serial ON true
        LEFT JOIN LATERAL (
            SELECT q.seqstart, q.seqincrement FROM pg_depend o JOIN pg_sequence q ON q.seqrelid = o.objid
            WHERE a.attidentity <> '' AND o.classid = 'pg_class'::regclass AND o.refclassid = 'pg_class'::regclass
              AND o.deptype = 'i' AND o.refobjid = c.oid AND o.refobjsubid = a.attnum
            LIMIT 1) ident ON true
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
               CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END,
               con.condeferrable, con.condeferred, con.confmatchtype, con.connoinherit, con.convalidated,
               (SELECT to_jsonb(ix) ->> 'indnullsnotdistinct' FROM pg_index ix WHERE ix.indexrelid = con.conindid)
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f', 'c') AND c.relname NOT IN (\(excluded))
        ORDER BY c.relname, con.conname
        """

    /// Each key as `[tag + column or expression, indoption, non-default operator class]`; keys past
    /// `indnkeyatts` are INCLUDE columns.
    static let indexesQuery = """
        SELECT tc.relname, ic.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid),
               (SELECT json_agg(json_build_array(
                          CASE WHEN k.n = 0 THEN 'e' || pg_get_indexdef(i.indexrelid, k.i::int, true) ELSE 'c' || a.attname::text END,
                          CASE WHEN k.i <= i.indnkeyatts THEN i.indoption[k.i - 1] END,
                          (SELECT CASE WHEN NOT oc.opcdefault THEN oc.opcname::text END FROM pg_opclass oc
                           WHERE oc.oid = i.indclass[k.i - 1] AND k.i <= i.indnkeyatts)) ORDER BY k.i)
                FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, i)
                LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n)::text,
               i.indnkeyatts, am.amname, array_to_json(ic.reloptions)::text, to_jsonb(i) ->> 'indnullsnotdistinct', ixd.description
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_am am ON am.oid = ic.relam
        JOIN pg_class tc ON tc.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = tc.relnamespace
        LEFT JOIN pg_description ixd ON ixd.objoid = ic.oid AND ixd.classoid = 'pg_class'::regclass AND ixd.objsubid = 0
        WHERE n.nspname = current_schema() AND tc.relkind IN ('r', 'p') AND tc.relname NOT IN (\(excluded))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
                          AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
        ORDER BY tc.relname, ic.relname
        """

    /// Enum types (`e`), sequences that a column owns or a default uses, other than identity ones
    /// (`s`; a sequence nothing uses is not Retort's), and the views and rules that
    /// depend on tables and columns (`d`), one row each, details as JSON.
    static let objectsQuery = """
        SELECT 'e', t.typname::text, (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)::text
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = current_schema() AND t.typtype = 'e'
        UNION ALL
        SELECT 's', s.relname::text, json_build_array(format_type(q.seqtypid, NULL), q.seqstart::text, q.seqincrement::text,
                   q.seqmin::text, q.seqmax::text, q.seqcache::text, q.seqcycle, oc.relname, oa.attname)::text
        FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace JOIN pg_sequence q ON q.seqrelid = s.oid
        LEFT JOIN pg_depend o ON o.classid = 'pg_class'::regclass AND o.objid = s.oid AND o.refclassid = 'pg_class'::regclass
             AND o.deptype IN ('a', 'i')
        LEFT JOIN pg_class oc ON oc.oid = o.refobjid
        LEFT JOIN pg_attribute oa ON oa.attrelid = o.refobjid AND oa.attnum = o.refobjsubid
        WHERE n.nspname = current_schema() AND s.relkind = 'S'
          AND (o.deptype = 'a' OR (o.deptype IS NULL AND EXISTS (
               SELECT 1 FROM pg_depend u WHERE u.classid = 'pg_attrdef'::regclass
               AND u.refclassid = 'pg_class'::regclass AND u.refobjid = s.oid)))
        UNION ALL
        SELECT DISTINCT 'd', t.relname::text, json_build_array(a.attname,
                   CASE v.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' ELSE 'rule on ' END || v.relname)::text
        FROM pg_depend d
        JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
        JOIN pg_class v ON v.oid = r.ev_class
        JOIN pg_class t ON d.refclassid = 'pg_class'::regclass AND t.oid = d.refobjid AND t.relkind IN ('r', 'p')
        JOIN pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0
        WHERE n.nspname = current_schema() AND v.oid <> t.oid
        ORDER BY 1, 2, 3
        """

    func read() throws -> Schema {
        var tables: [String: Table] = [:]
        var order: [String] = []
        var serialSequences: [String: ColumnReference] = [:]
        for row in try db.query(Self.columnsQuery) {
            let name = row[0].string ?? ""
            if tables[name] == nil {
                tables[name] = Table(name: name, comment: row[1].string)
                order.append(name)
            }
            guard let columnName = row[2].string else { continue }  // a table with no columns
            var column = Column(columnName, PostgresDialect.parseType(row[3].string ?? ""), nullable: row[4].int == 0)
            if let enumName = row[9].string { column.type = .enumeration(enumName, Self.names(row[10])) }
            switch row[6].string ?? "" {
            case "a", "d":
                column.autoincrement = true
                column.autoincrementKind = .identity(
                    row[6].string == "a" ? .always : .byDefault, start: row[11].int.flatMap { $0 == 1 ? nil : $0 },
                    increment: row[12].int.flatMap { $0 == 1 ? nil : $0 })
            default:
                if let d = row[5].string { column.defaultValue = PostgresDialect.parseDefault(d)?.typed(for: column.type) }
                if let sequence = row[8].string { serialSequences[sequence] = ColumnReference(name, columnName) }
            }
            column.comment = row[7].string
            tables[name]!.columns.append(column)
        }

        for row in try db.query(Self.constraintsQuery) {
            let table = row[0].string ?? "", name = row[1].string
            guard tables[table] != nil else { continue }
            let columns = Self.names(row[3])
            let deferrable: Deferrable? = row[9].int == 1 ? (row[10].int == 1 ? .initiallyDeferred : .initiallyImmediate) : nil
            switch row[2].string {
            case "p":
                tables[table]!.primaryKey = PrimaryKey(columns, name: name, deferrable: deferrable)
            case "u":
                tables[table]!.uniqueConstraints.append(
                    UniqueConstraint(columns, name: name, deferrable: deferrable, nullsNotDistinct: row[14].string == "true"))
            case "f":
                tables[table]!.foreignKeys.append(
                    ForeignKey(
                        columns, references: row[4].string ?? "", Self.names(row[5]), onDelete: Self.action(row[6].string),
                        onUpdate: Self.action(row[7].string), name: name, deferrable: deferrable, matchFull: row[11].string == "f",
                        notValid: row[13].int == 0))
            case "c":
                var def = row[8].string ?? ""
                if def.hasPrefix("CHECK ") { def = String(def.dropFirst(6)) }
                for suffix in [" NOT VALID", " NO INHERIT"] where def.hasSuffix(suffix) { def = String(def.dropLast(suffix.count)) }
                tables[table]!.checks.append(
                    CheckConstraint(name, SQLText.normalizeExpression(def), noInherit: row[12].int == 1, notValid: row[13].int == 0))
            default:
                break
            }
        }

        for row in try db.query(Self.indexesQuery) {
            let table = row[0].string ?? ""
            guard tables[table] != nil else { continue }
            let parts = Self.json(row[4]) as? [[Any]] ?? []
            let keyCount = Int(row[5].int ?? Int64(parts.count))
            var keys: [IndexKey] = [], options: [IndexKeyOptions] = [], include: [String] = []
            for (position, part) in parts.enumerated() {
                let key = Self.indexKey(part.first as? String ?? "")
                guard position < keyCount else {
                    include.append(key.column ?? key.displayName)
                    continue
                }
                keys.append(key)
                let flags = (part.count > 1 ? part[1] as? Int : nil) ?? 0
                options.append(
                    IndexKeyOptions(
                        opclass: part.count > 2 ? part[2] as? String : nil, descending: flags & 1 != 0,
                        nulls: flags & 2 != 0 ? .first : .last))
            }
            var storage: [String: String] = [:]
            for option in Self.json(row[7]) as? [String] ?? [] {
                let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { storage[pair[0]] = pair[1] }
            }
            tables[table]!.indexes.append(
                Index(
                    keys: keys, unique: row[2].int == 1, name: row[1].string, where: row[3].string.map(SQLText.normalizeExpression),
                    using: row[6].string, options: options, include: include, storage: storage,
                    nullsNotDistinct: row[8].string == "true", comment: row[9].string))
        }

        var schema = Schema(tables: order.map { tables[$0]! })
        let used = schema.enumTypes()
        for row in try db.query(Self.objectsQuery) {
            let name = row[1].string ?? ""
            switch row[0].string {
            case "e":
                if used[name] == nil { schema.enums.append(EnumType(name, Self.names(row[2]))) }
            case "s":
                guard let d = Self.json(row[2]) as? [Any], d.count == 9 else { continue }
                func number(_ i: Int) -> Int64 { Int64(d[i] as? String ?? "") ?? 0 }
                let owner = (d[7] as? String).flatMap { t in (d[8] as? String).map { ColumnReference(t, $0) } }
                let sequence = DatabaseSequence(
                    name, type: PostgresDialect.parseType(d[0] as? String ?? "bigint"), start: number(1), increment: number(2),
                    minValue: number(3), maxValue: number(4), cache: number(5), cycle: d[6] as? Bool ?? false, ownedBy: owner)
                schema.sequences.append(sequence)
            case "d":
                guard let d = Self.json(row[2]) as? [Any], let what = d.last as? String else { continue }
                schema.dependents[ColumnReference(name, ""), default: []].append(what)
                if let column = d.first as? String { schema.dependents[ColumnReference(name, column), default: []].append(what) }
            default:
                break
            }
        }
        // A sequence a column owns and uses as its default, named and set up as `serial` makes it, is
        // that column's `serial`; any other stays a sequence of its own and the default an expression.
        var sequences = schema.sequences
        sequences.removeAll { s in
            guard let owner = serialSequences[s.name], owner == s.ownedBy,
                let t = schema.tableIndex(owner.table), let c = schema.tables[t].columns.firstIndex(where: { $0.name == owner.column }),
                s == Self.serialSequence(table: owner.table, column: schema.tables[t].columns[c])
            else { return false }
            schema.tables[t].columns[c].autoincrement = true
            schema.tables[t].columns[c].autoincrementKind = .serial
            schema.tables[t].columns[c].defaultValue = nil
            return true
        }
        schema.sequences = sequences
        return schema
    }

    /// The sequence `serial` creates for a column.
    static func serialSequence(table: String, column: Column) -> DatabaseSequence {
        let type: ColumnType = column.type == .bigint ? .bigint : column.type == .smallint ? .smallint : .integer
        return DatabaseSequence(
            "\(table)_\(column.name)_seq", type: type, ownedBy: ColumnReference(table, column.name))
    }

    static func json(_ value: SQLValue) -> Any? {
        guard let data = value.string?.data(using: .utf8) else { return nil }
        return try? JSONSerialization.jsonObject(with: data)
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
