/// Each database's own SQL for a row's values normalized to text, so that a checksum computed on
/// each side independently agrees exactly when the copy kept every value (docs/transfer.md lists
/// the forms). The source side reads SQLite's loose storage the way the conversion rules do; the
/// target side prints PostgreSQL's typed values.
enum RowText {
    /// SQLite SQL for one source column's normalized text (NULL stays NULL).
    static func source(_ column: String, _ kind: ValueConverter.Kind, zoneModifier: Bool) -> String {
        let x = SQLText.quote(column)
        switch kind {
        case .integer: return "CAST(CAST(\(x) AS INTEGER) AS TEXT)"
        case .boolean:
            return "CASE WHEN \(x) IS NULL THEN NULL WHEN lower(CAST(\(x) AS TEXT)) IN ('1', 't', 'true', 'y', 'yes', 'on') THEN 'true' ELSE 'false' END"
        case .float(let single):
            // The stored bits, exactly: decimal text differs between the two databases' printers.
            return "\(SQLiteConnection.floatBitsFunction)(\(x), \(single ? 1 : 0))"
        case .decimal(_, let scale): return "CASE WHEN \(x) IS NULL THEN NULL ELSE printf('%.\(scale)f', \(x)) END"
        case .text, .enumeration, .other: return "CAST(\(x) AS TEXT)"
        case .uuid:
            let h = "hex(\(x))"
            return "CASE WHEN typeof(\(x)) = 'blob' THEN lower(substr(\(h), 1, 8) || '-' || substr(\(h), 9, 4) || '-' || substr(\(h), 13, 4) || '-' || substr(\(h), 17, 4) || '-' || substr(\(h), 21)) ELSE lower(\(x)) END"
        case .blob: return "CASE WHEN \(x) IS NULL THEN NULL ELSE lower(hex(\(x))) END"
        case .date: return "date(\(x))"
        case .json:
            // Every node of the tree (type and scalar value), with its key when it is an object
            // member or its position when it is an array element, sorted: a document's content
            // whatever the order of its keys (which jsonb does not keep).
            let node = """
                CASE type WHEN 'object' THEN 'o' WHEN 'array' THEN 'a' WHEN 'null' THEN 'z' WHEN 'true' THEN 'b:true' \
                WHEN 'false' THEN 'b:false' WHEN 'text' THEN 's:' || length(atom) || ':' || atom ELSE 'n:' || \(SQLiteConnection.floatBitsFunction)(atom + 0.0, 0) END \
                || CASE typeof(key) WHEN 'text' THEN '|' || length(key) || ':' || key WHEN 'integer' THEN '#' || key ELSE '' END
                """
            return "CASE WHEN \(x) IS NULL THEN NULL ELSE (SELECT group_concat(n, ',') FROM (SELECT \(node) AS n FROM json_tree(\(x)) ORDER BY n)) END"
        case .timestamp(let zoned):
            // Microseconds since 1970 (UTC), exactly what PostgreSQL stores: an epoch number as the
            // conversion reads it (milliseconds from 1e11 up, else seconds), a date-time text by
            // SQLite's own date functions for its whole seconds (the fraction taken off first, so
            // that `…59.999999` never rounds into the next second or past the year 9999) plus the
            // fraction's digits.
            let modifier = zoned && zoneModifier ? ", 'utc'" : ""
            let t = "trim(\(x))"
            let numericText = "(\(t) <> '' AND ltrim(\(t), '-') GLOB '[0-9]*' AND ltrim(\(t), '-') NOT GLOB '*[^0-9.]*')"
            func scaled(_ v: String) -> String { "CASE WHEN abs(\(v)) >= 100000000000 THEN \(v) * 1000 ELSE \(v) * 1000000 END" }
            func epoch(_ v: String) -> String { "CAST(round(\(scaled(v))) AS INTEGER)" }
            let tail = "substr(\(t), 21)", rest = "ltrim(substr(\(t), 21), '0123456789')"
            let fraction = "substr(substr(\(tail), 1, length(\(tail)) - length(\(rest))) || '000000', 1, 6)"
            let wholeSeconds = "strftime('%s', substr(\(t), 1, 19) || \(rest)\(modifier))"
            return """
                CASE WHEN \(x) IS NULL THEN NULL \
                WHEN typeof(\(x)) = 'integer' THEN CAST(\(scaled(x)) AS TEXT) \
                WHEN typeof(\(x)) = 'real' THEN CAST(\(epoch(x)) AS TEXT) \
                WHEN \(numericText) THEN CASE WHEN instr(\(t), '.') > 0 THEN CAST(\(epoch("CAST(\(t) AS REAL)")) AS TEXT) \
                ELSE CAST(\(scaled("CAST(\(t) AS INTEGER)")) AS TEXT) END \
                WHEN substr(\(t), 20, 1) = '.' THEN CAST(CAST(\(wholeSeconds) AS INTEGER) * 1000000 + CAST(\(fraction) AS INTEGER) AS TEXT) \
                ELSE CAST(CAST(strftime('%s', \(t)\(modifier)) AS INTEGER) * 1000000 AS TEXT) END
                """
        }
    }

    /// PostgreSQL SQL for one target column's normalized text (NULL stays NULL); the session must
    /// have `DateStyle = ISO` and `TimeZone = UTC`.
    static func target(_ column: String, _ kind: ValueConverter.Kind) -> String {
        let x = SQLText.quote(column)
        switch kind {
        case .integer, .decimal, .text, .enumeration, .uuid, .date, .other: return "\(x)::text"
        case .float(let single): return "encode(\(single ? "float4send" : "float8send")(\(x)), 'hex')"
        case .boolean: return "CASE WHEN \(x) THEN 'true' WHEN NOT \(x) THEN 'false' END"
        case .blob: return "encode(\(x), 'hex')"
        case .timestamp:
            // Whole seconds (exact in a double on every server version) and the microseconds field.
            return "(extract(epoch FROM date_trunc('second', \(x)))::bigint * 1000000 + extract(microseconds FROM \(x))::bigint % 1000000)::text"
        case .json:
            // The same nodes as the SQLite side: the root, every object member (with its key), every
            // array element (with its position).
            let node = """
                CASE jsonb_typeof(v) WHEN 'object' THEN 'o' WHEN 'array' THEN 'a' WHEN 'null' THEN 'z' \
                WHEN 'boolean' THEN 'b:' || (v #>> '{}') WHEN 'string' THEN 's:' || length(v #>> '{}') || ':' || (v #>> '{}') \
                ELSE 'n:' || encode(float8send((v #>> '{}')::float8), 'hex') END
                """
            let j = "\(x)::jsonb"
            return """
                CASE WHEN \(x) IS NULL THEN NULL ELSE (SELECT string_agg(n, ',' ORDER BY n COLLATE "C") FROM (\
                SELECT \(node) AS n FROM (SELECT \(j) AS v) r \
                UNION ALL SELECT \(node) || '|' || length(k) || ':' || k FROM (SELECT kv -> 'value' AS v, kv ->> 'key' AS k FROM \
                jsonb_path_query(\(j), 'strict $.** ? (@.type() == "object").keyvalue()') AS kv) m \
                UNION ALL SELECT \(node) || '#' || (e.i - 1) FROM jsonb_path_query(\(j), 'strict $.** ? (@.type() == "array")') AS a, \
                jsonb_array_elements(a) WITH ORDINALITY AS e(v, i)) q) END
                """
        }
    }

    /// The whole row: every column's text with `\` and `,` escaped by a backslash, `\N` for NULL,
    /// comma-separated. Each column's expression appears once, so it is evaluated once.
    static func row(_ parts: [String]) -> String {
        parts.map { "COALESCE(replace(replace(\($0), '\\', '\\\\'), ',', '\\,'), '\\N')" }.joined(separator: " || ',' || ")
    }

    /// The sort key of a key column: integers numerically, anything else by its normalized text in
    /// byte order (PostgreSQL's "C" collation, SQLite's BINARY).
    static func sourceOrder(_ column: String, _ kind: ValueConverter.Kind, zoneModifier: Bool) -> String {
        if case .integer = kind { return "CAST(\(SQLText.quote(column)) AS INTEGER)" }
        return source(column, kind, zoneModifier: zoneModifier)
    }

    static func targetOrder(_ column: String, _ kind: ValueConverter.Kind) -> String {
        if case .integer = kind { return SQLText.quote(column) }
        return "(\(target(column, kind))) COLLATE \"C\""
    }
}
