import Foundation

/// Reads a PostgreSQL schema (the connection's current schema) with four catalog queries,
/// whatever the number of tables.
struct PostgresIntrospector {
    let db: any DatabaseConnection

    private static var excluded: String { RetortTables.all.sorted().map(SQLText.literal).joined(separator: ", ") }

    /// One row per column (one with NULL column for a table with none): type, default, identity,
    /// comment, enum type, the column's number, for a generated column its kind (`s`, `v`) and
    /// expression (keys and indexes name columns by number), and a collation other than the type's. Identity options and serial
    /// sequences come with the objects query. Unordered: the client groups and sorts (cheaper
    /// than the server sorting 20,000 wide rows). A default cannot refer to a column, so it is
    /// deparsed without its table (`pg_get_expr(…, 0)`), which spares the server opening every
    /// table: the query takes less than half the time. A generation expression does refer to
    /// columns: it is deparsed with its table, which only tables with generated columns pay for.
    static let columnsQuery = """
        SELECT c.relname, td.description, a.attname, format_type(a.atttypid, a.atttypmod),
               a.attnotnull, CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, 0) END, a.attidentity, cd.description,
               CASE WHEN ty.typtype = 'e' THEN ty.typname END,
               CASE WHEN ty.typtype = 'e' THEN (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
                                                FROM pg_enum e WHERE e.enumtypid = ty.oid)::text END,
               a.attnum, CASE WHEN a.attgenerated <> '' THEN a.attgenerated::text END,
               CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
               CASE WHEN a.attcollation <> ty.typcollation THEN (SELECT co.collname FROM pg_collation co WHERE co.oid = a.attcollation) END
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        LEFT JOIN pg_description td ON td.objoid = c.oid AND td.classoid = 'pg_class'::regclass AND td.objsubid = 0
        LEFT JOIN pg_description cd ON cd.objoid = c.oid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum
        WHERE n.nspname = COALESCE($1, current_schema()) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname NOT IN (\(excluded))
        """

    /// `NULLS NOT DISTINCT` exists from PostgreSQL 15 on; older servers have none to read.
    static func nullsNotDistinct(_ index: String, version: Int64) -> String {
        version >= 150000 ? "\(index).indnullsnotdistinct::text" : "NULL::text"
    }

    /// Key columns by number (`{1,3}`), named from the columns query; a foreign key to a table
    /// that query does not read (another schema, a partition, Retort's own) has its referenced
    /// columns by name (a JSON array). Looking names up here, per key, took two thirds of the time.
    static func constraintsQuery(version: Int64) -> String { """
        SELECT c.relname, con.conname, con.contype, con.conkey::text, fc.relname,
               CASE WHEN con.contype <> 'f' THEN NULL
                    WHEN fc.relnamespace = c.relnamespace AND fc.relkind IN ('r', 'p') AND NOT fc.relispartition
                         AND fc.relname NOT IN (\(excluded))
                    THEN con.confkey::text
                    ELSE (SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY AS k(n, i)
                          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n)::text END,
               con.confdeltype, con.confupdtype,
               CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END,
               con.condeferrable, con.condeferred, con.confmatchtype, con.connoinherit, con.convalidated,
               \(nullsNotDistinct("ix", version: version))
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid
        WHERE n.nspname = COALESCE($1, current_schema()) AND con.contype IN ('p', 'u', 'f', 'c') AND c.relname NOT IN (\(excluded))
        ORDER BY c.relname, con.conname
        """
    }

    /// Keys by column number (`indkey`, `indoption`), named from the columns query. Only an index
    /// with an expression key or a non-default operator class (few) has its keys spelled out, each
    /// as one string: `c` (column), `e` (expression) or `i` (INCLUDE column), the `indoption` bits
    /// (1 DESC, 2 NULLS FIRST), a non-default operator class, U+0001, then the column name or
    /// expression.
    static func indexesQuery(version: Int64) -> String { """
        SELECT tc.relname, ic.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid),
               CASE WHEN 0 = ANY (i.indkey::int2[]) OR i.indclass::oid[] && nd.oids OR NOT i.indcollation::oid[] <@ '{0,100}'::oid[]
               THEN (SELECT json_agg(
                          CASE WHEN k.i > i.indnkeyatts THEN 'i' WHEN k.n = 0 THEN 'e' ELSE 'c' END
                          || coalesce(i.indoption[k.i - 1], 0)::text
                          || CASE WHEN k.i <= i.indnkeyatts AND i.indclass[k.i - 1] = ANY (nd.oids)
                                  THEN (SELECT oc.opcname::text FROM pg_opclass oc WHERE oc.oid = i.indclass[k.i - 1])
                                  ELSE '' END
                          || chr(1)
                          || CASE WHEN k.n = 0 THEN pg_get_indexdef(i.indexrelid, k.i::int, true) ELSE a.attname::text END
                          || CASE WHEN k.n <> 0 AND k.i <= i.indnkeyatts AND i.indcollation[k.i - 1] <> a.attcollation
                                  THEN chr(2) || (SELECT co.collname::text FROM pg_collation co WHERE co.oid = i.indcollation[k.i - 1])
                                  ELSE '' END
                          ORDER BY k.i)
                FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, i)
                LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n)::text END,
               i.indnkeyatts, am.amname, array_to_json(ic.reloptions)::text, \(nullsNotDistinct("i", version: version)), ixd.description,
               i.indkey::text, i.indoption::text
        FROM pg_index i
        CROSS JOIN (SELECT array_agg(oid) AS oids FROM pg_opclass WHERE NOT opcdefault) nd
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_am am ON am.oid = ic.relam
        JOIN pg_class tc ON tc.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = tc.relnamespace
        LEFT JOIN pg_description ixd ON ixd.objoid = ic.oid AND ixd.classoid = 'pg_class'::regclass AND ixd.objsubid = 0
        WHERE n.nspname = COALESCE($1, current_schema()) AND tc.relkind IN ('r', 'p') AND tc.relname NOT IN (\(excluded))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
                          AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
        ORDER BY tc.relname, ic.relname
        """
    }

    /// The server's version (`v`, which decides the other queries' columns, with the schema they
    /// read, which they take as `$1`), enum types (`e`),
    /// sequences that a column owns (`a`: serial or `OWNED BY`; `i`: identity, listed
    /// only when its start or increment is not 1) or
    /// a default uses (`s`; a sequence nothing uses is not Retort's), and the views and rules that
    /// depend on tables and columns (`d`), one row each, details as JSON.
    static let objectsQuery = """
        SELECT 'v', current_setting('server_version_num'), current_schema()::text
        UNION ALL
        SELECT 'e', t.typname::text, (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)::text
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = current_schema() AND t.typtype = 'e'
        UNION ALL
        SELECT 's', s.relname::text, json_build_array(format_type(q.seqtypid, NULL), q.seqstart::text, q.seqincrement::text,
                   q.seqmin::text, q.seqmax::text, q.seqcache::text, q.seqcycle::text, oc.relname, oa.attname, o.deptype)::text
        FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace JOIN pg_sequence q ON q.seqrelid = s.oid
        LEFT JOIN pg_depend o ON o.classid = 'pg_class'::regclass AND o.objid = s.oid AND o.refclassid = 'pg_class'::regclass
             AND o.deptype IN ('a', 'i')
        LEFT JOIN pg_class oc ON oc.oid = o.refobjid
        LEFT JOIN pg_attribute oa ON oa.attrelid = o.refobjid AND oa.attnum = o.refobjsubid
        WHERE n.nspname = current_schema() AND s.relkind = 'S'
          AND CASE o.deptype WHEN 'a' THEN true
                             WHEN 'i' THEN q.seqstart <> 1 OR q.seqincrement <> 1 OR q.seqmin <> 1 OR q.seqcache <> 1 OR q.seqcycle
                                  OR q.seqmax <> CASE q.seqtypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647
                                                                 ELSE 9223372036854775807 END  -- identity: only non-default options
                             ELSE EXISTS (SELECT 1 FROM pg_depend u WHERE u.classid = 'pg_attrdef'::regclass
                                          AND u.refclassid = 'pg_class'::regclass AND u.refobjid = s.oid) END
        UNION ALL
        SELECT DISTINCT 'd', t.relname::text, json_build_array(
                   CASE v.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' ELSE 'rule on ' END || v.relname,
                   a.attname)::text
        FROM pg_depend d
        JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
        JOIN pg_class v ON v.oid = r.ev_class
        JOIN pg_class t ON d.refclassid = 'pg_class'::regclass AND t.oid = d.refobjid AND t.relkind IN ('r', 'p')
        JOIN pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0
        WHERE n.nspname = current_schema() AND v.oid <> t.oid
        ORDER BY 1, 2, 3
        """

    /// The constraints and indexes queries' rows: read on other connections while the columns
    /// are read and parsed on this one, or on this one afterwards.
    private struct PendingKeys {
        var wait: () throws -> (constraints: [[SQLValue]], indexes: [[SQLValue]])
    }

    /// Starts the constraints and indexes queries and runs the objects query. On a connection
    /// that is not inside a transaction (so that a second session sees the same schema), the two
    /// run on a second connection as soon as it is open, with the server version libpq already
    /// knows and the session's schema, while this one runs the objects and columns queries and
    /// parses the columns: the server answers on two cores. Still four queries. (A connection per
    /// query measured no faster on two cores.)
    private func begin() throws -> (objects: [[SQLValue]], schema: [SQLValue], keys: PendingKeys) {
        guard let pg = db as? PostgresConnection, pg.isIdle else {
            // Read first: the server's version decides what the constraint and index queries can ask.
            let objects = try db.query(Self.objectsQuery)
            let head = objects.first { $0[0].string == "v" }
            let version = head.flatMap { Int64($0[1].string ?? "") } ?? 0
            let schema: [SQLValue] = [head.map { $0[2] } ?? .null]
            let db = self.db
            return (objects, schema, PendingKeys {
                (try db.query(Self.constraintsQuery(version: version), schema), try db.query(Self.indexesQuery(version: version), schema))
            })
        }
        let (url, version) = (pg.url, pg.serverVersion)
        let schema: [SQLValue] = [pg.schemaOverride.map(SQLValue.text) ?? .null]
        nonisolated(unsafe) var rows: Result<(constraints: [[SQLValue]], indexes: [[SQLValue]]), any Error>?
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            // A server that refuses a second connection (connection limit, pooler): read here after all.
            guard let other = try? PostgresConnection(url: url) else { return }
            defer { other.close() }
            rows = Result {
                (try other.query(Self.constraintsQuery(version: version), schema), try other.query(Self.indexesQuery(version: version), schema))
            }
        }
        let db = self.db
        let objects: [[SQLValue]]
        do {
            objects = try db.query(Self.objectsQuery)
        } catch {
            reading.wait()
            throw error
        }
        return (objects, schema, PendingKeys {
            reading.wait()
            if let rows { return try rows.get() }
            return (try db.query(Self.constraintsQuery(version: version), schema), try db.query(Self.indexesQuery(version: version), schema))
        })
    }

    func read() throws -> Schema {
        var tables: [String: Table] = [:]
        var order: [String] = []
        let (objects, schemaName, pending) = try begin()
        let columnRows: [[SQLValue]]
        do {
            columnRows = try db.query(Self.columnsQuery, schemaName)
        } catch {
            _ = try? pending.wait()
            throw error
        }
        // Rows come unordered: columns are gathered per table with their numbers, then sorted.
        var numbered: [String: [(number: Int64, column: Column)]] = [:]
        // Schemas repeat a few types and defaults over thousands of columns: each is read once.
        var types: [String: ColumnType] = [:]
        var defaults: [String: [ColumnType: DefaultValue?]] = [:]
        var attributes: [String: [Int64: String]] = [:]
        for row in columnRows {
            let name = row[0].string ?? ""
            if tables[name] == nil {
                tables[name] = Table(name: name, comment: row[1].string)
                order.append(name)
            }
            guard let columnName = row[2].string else { continue }  // a table with no columns
            let number = row[10].int ?? 0
            attributes[name, default: [:]][number] = columnName
            let typeName = row[3].string ?? ""
            let type = types[typeName] ?? PostgresDialect.parseType(typeName)
            types[typeName] = type
            var column = Column(columnName, type, nullable: row[4].int == 0)
            if let enumName = row[8].string { column.type = .enumeration(enumName, Self.names(row[9])) }
            switch row[6].string ?? "" {
            case "a", "d":
                column.autoincrement = true
                column.autoincrementKind = .identity(row[6].string == "a" ? .always : .byDefault)  // options: objects query
            default:
                if let d = row[5].string {
                    if let known = defaults[d]?[column.type] {
                        column.defaultValue = known
                    } else {
                        column.defaultValue = PostgresDialect.parseDefault(d, columnType: column.type)?.typed(for: column.type)
                        defaults[d, default: [:]][column.type] = .some(column.defaultValue)
                    }
                }
            }
            if let kind = row[11].string, let expression = row[12].string {
                column.generated = GeneratedColumn(SQLText.normalizeExpression(expression), stored: kind == "s")
            }
            if let collation = row[13].string { column.collations = [.postgres: collation] }
            column.comment = row[7].string
            numbered[name, default: []].append((number, column))
        }
        for (name, columns) in numbered {
            tables[name]!.columns = columns.sorted { $0.number < $1.number }.map(\.column)
        }
        order.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }  // as PostgreSQL orders names
        /// Key columns: numbers (`{1,3}`, or `1 3` as in `indkey`) of `table`, or names as JSON.
        func keyColumns(_ value: SQLValue, of table: String) -> [String] {
            guard let text = value.string, !text.hasPrefix("[") else { return Self.names(value) }
            let names = attributes[table] ?? [:]
            return text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "{" || $0 == "}" })
                .compactMap { Int64($0).flatMap { names[$0] } }
        }

        let keys = try pending.wait()
        for row in keys.constraints {
            let table = row[0].string ?? "", name = row[1].string
            guard tables[table] != nil else { continue }
            let columns = keyColumns(row[3], of: table)
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
                        columns, references: row[4].string ?? "", keyColumns(row[5], of: row[4].string ?? ""), onDelete: Self.action(row[6].string),
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

        for row in keys.indexes {
            let table = row[0].string ?? ""
            guard tables[table] != nil else { continue }
            var keys: [IndexKey] = [], options: [IndexKeyOptions] = [], include: [String] = []
            if row[4].string == nil {
                // Plain columns and default operator classes: numbers and option bits.
                let columns = keyColumns(row[10], of: table)
                let flags = (row[11].string ?? "").split(separator: " ").map { Int($0) ?? 0 }
                let keyCount = Int(row[5].int ?? Int64(columns.count))
                for (i, column) in columns.enumerated() {
                    guard i < keyCount else {
                        include.append(column)
                        continue
                    }
                    keys.append(.column(column))
                    let f = i < flags.count ? flags[i] : 0
                    options.append(IndexKeyOptions(opclass: nil, descending: f & 1 != 0, nulls: f & 2 != 0 ? .first : .last))
                }
            }
            for part in Self.names(row[4]) {
                guard let separator = part.firstIndex(of: "\u{1}"), let tag = part.first else { continue }
                let head = part[part.index(after: part.startIndex)..<separator]
                var text = String(part[part.index(after: separator)...])
                var collations: [DialectName: String] = [:]
                if tag == "c", let mark = text.lastIndex(of: "\u{2}") {  // a column key in another collation than its column's
                    collations[.postgres] = String(text[text.index(after: mark)...])
                    text = String(text[..<mark])
                }
                let digits = head.prefix { $0.isNumber }
                let flags = Int(digits) ?? 0
                let opclass = head.dropFirst(digits.count)
                switch tag {
                case "i": include.append(text)
                case "e": keys.append(.expression(text))
                default: keys.append(.column(text))
                }
                if tag != "i" {
                    options.append(
                        IndexKeyOptions(
                            opclass: opclass.isEmpty ? nil : String(opclass), descending: flags & 1 != 0,
                            nulls: flags & 2 != 0 ? .first : .last, collations: collations))
                }
            }
            var storage: [String: String] = [:]
            for option in Self.names(row[7]) {
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
        var ownedSequences: [DatabaseSequence] = []
        for row in objects {
            let name = row[1].string ?? ""
            switch row[0].string {
            case "e":
                if used[name] == nil { schema.enums.append(EnumType(name, Self.names(row[2]))) }
            case "s":
                // [type, start, increment, min, max, cache, cycle, owner table, owner column, dependency]
                let d = Self.nullableStrings(row[2])
                guard d.count == 10 else { continue }
                func number(_ i: Int) -> Int64 { Int64(d[i] ?? "") ?? 0 }
                let owner = d[7].flatMap { t in d[8].map { ColumnReference(t, $0) } }
                let sequence = DatabaseSequence(
                    name, type: PostgresDialect.parseType(d[0] ?? "bigint"), start: number(1), increment: number(2),
                    minValue: number(3), maxValue: number(4), cache: number(5), cycle: d[6] == "true", ownedBy: owner)
                if d[9] == "i", let owner, let t = schema.tableIndex(owner.table),
                    let c = schema.tables[t].columns.firstIndex(where: { $0.name == owner.column }),
                    let kind = schema.tables[t].columns[c].autoincrementKind?.identityKind
                {
                    schema.tables[t].columns[c].autoincrementKind = .identity(kind, sequence)
                    continue
                }
                if owner != nil { ownedSequences.append(sequence) } else { schema.sequences.append(sequence) }
            case "d":
                let d = Self.nullableStrings(row[2])
                guard let what = d.first ?? nil else { continue }
                schema.dependents[ColumnReference(name, ""), default: []].append(what)
                if d.count > 1, let column = d[1] { schema.dependents[ColumnReference(name, column), default: []].append(what) }
            default:
                break
            }
        }
        // A sequence a column owns and uses as its default, named and set up as `serial` makes it, is
        // that column's `serial`; any other stays a sequence of its own and the default an expression.
        for s in ownedSequences {
            guard let owner = s.ownedBy, let t = schema.tableIndex(owner.table),
                let c = schema.tables[t].columns.firstIndex(where: { $0.name == owner.column }),
                case .expression(let e)? = schema.tables[t].columns[c].defaultValue,
                e == "nextval(\(SQLText.literal(s.name))::regclass)" || e == "nextval(\(SQLText.literal(SQLText.quote(s.name)))::regclass)",
                s == Self.serialSequence(table: owner.table, column: schema.tables[t].columns[c])
            else {
                schema.sequences.append(s)
                continue
            }
            schema.tables[t].columns[c].autoincrement = true
            schema.tables[t].columns[c].autoincrementKind = .serial
            schema.tables[t].columns[c].defaultValue = nil
        }
        return schema
    }

    /// The sequence `serial` creates for a column.
    static func serialSequence(table: String, column: Column) -> DatabaseSequence {
        DatabaseSequence(
            "\(table)_\(column.name)_seq", type: IdentitySequenceType.of(column.type), ownedBy: ColumnReference(table, column.name))
    }

    /// A JSON array of names, as `json_agg` writes them (`["a", "b \\"c\\""]`).
    static func names(_ value: SQLValue) -> [String] { nullableStrings(value).compactMap { $0 } }

    /// A JSON array of strings and nulls (`["a", null]`), as `json_agg` and `json_build_array` of
    /// text write them; other values are skipped.
    static func nullableStrings(_ value: SQLValue) -> [String?] {
        guard let text = value.string else { return [] }
        var names: [String?] = []
        var current = ""
        var inString = false
        var iterator = text.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            if !inString {
                if c == "\"" { inString = true; current = "" }
                if c == "n" { names.append(nil) }  // the n of null: no other bare word starts with it
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
