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
    static func columnsQuery(_ scope: PostgresCatalogScope) -> String { """
        SELECT c.relname AS "tableName", td.description AS "tableComment", a.attname AS "columnName",
               \(scope.shown("n", "format_type(a.atttypid, a.atttypmod)", plain: scope.builtin("ty"))) AS "typeName", a.attnotnull AS "notNull",
               CASE WHEN a.attgenerated = '' THEN \(scope.shown("n", "pg_get_expr(d.adbin, 0)", plain: "d.adbin IS NULL")) END AS "defaultExpression",
               a.attidentity::text AS "identity", cd.description AS "comment",
               CASE WHEN ty.typtype = 'e' THEN ty.typname END AS "enumName",
               CASE WHEN ty.typtype = 'e' THEN (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
                                                FROM pg_enum e WHERE e.enumtypid = ty.oid)::text END AS "enumValues",
               a.attnum AS "number", CASE WHEN a.attgenerated <> '' THEN a.attgenerated::text END AS "generatedKind",
               CASE WHEN a.attgenerated <> '' THEN \(scope.shown("n", "pg_get_expr(d.adbin, d.adrelid)")) END AS "generatedExpression",
               CASE WHEN a.attcollation <> ty.typcollation
                    THEN (SELECT co.collname FROM pg_collation co WHERE co.oid = a.attcollation) END AS "collation", \(scope.column("n"))
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        LEFT JOIN pg_description td ON td.objoid = c.oid AND td.classoid = 'pg_class'::regclass AND td.objsubid = 0
        LEFT JOIN pg_description cd ON cd.objoid = c.oid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum
        WHERE \(scope.includes("n")) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname NOT IN (\(excluded))
        """
    }

    /// `NULLS NOT DISTINCT` exists from PostgreSQL 15 on; older servers have none to read.
    static func nullsNotDistinct(_ index: String, version: Int64) -> String {
        version >= 150000 ? "\(index).indnullsnotdistinct" : "NULL::boolean"
    }

    /// Key columns by number (`{1,3}`), named from the columns query; a foreign key to a table
    /// that query does not read (another schema, a partition, Retort's own) has its referenced
    /// columns by name (a JSON array). Looking names up here, per key, took two thirds of the time.
    static func constraintsQuery(version: Int64, _ scope: PostgresCatalogScope) -> String { """
        SELECT c.relname AS "tableName", con.conname AS "name", con.contype::text AS "kind", con.conkey::text AS "columnNumbers",
               fc.relname AS "referencedTable",
               CASE WHEN con.contype <> 'f' THEN NULL
                    WHEN fc.relnamespace = c.relnamespace AND fc.relkind IN ('r', 'p') AND NOT fc.relispartition
                         AND fc.relname NOT IN (\(excluded))
                    THEN con.confkey::text
                    ELSE (SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY AS k(n, i)
                          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n)::text END AS "referencedColumns",
               con.confdeltype::text AS "onDelete", con.confupdtype::text AS "onUpdate",
               CASE WHEN con.contype = 'c' THEN \(scope.shown("n", "pg_get_constraintdef(con.oid, true)")) END AS "checkDefinition",
               con.condeferrable AS "deferrable", con.condeferred AS "deferred", con.confmatchtype::text AS "matchType",
               con.connoinherit AS "noInherit", con.convalidated AS "validated",
               \(nullsNotDistinct("ix", version: version)) AS "nullsNotDistinct", \(scope.column("n"))
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid
        WHERE \(scope.includes("n")) AND con.contype IN ('p', 'u', 'f', 'c') AND c.relname NOT IN (\(excluded))
        ORDER BY c.relname, con.conname
        """
    }

    /// Keys by column number (`indkey`, `indoption`), named from the columns query. Only an index
    /// with an expression key, a non-default operator class or a collation other than its column's
    /// (few) has its keys spelled out, as a JSON array of `PostgresIndexKey` objects.
    static func indexesQuery(version: Int64, _ scope: PostgresCatalogScope) -> String { """
        SELECT tc.relname AS "tableName", ic.relname AS "name", i.indisunique AS "isUnique",
               \(scope.shown("n", "pg_get_expr(i.indpred, i.indrelid)")) AS "predicate",
               CASE WHEN 0 = ANY (i.indkey::int2[]) OR i.indclass::oid[] && nd.oids OR NOT i.indcollation::oid[] <@ '{0,100}'::oid[]
               THEN (SELECT json_agg(json_build_object(
                          'kind', CASE WHEN k.i > i.indnkeyatts THEN 'i' WHEN k.n = 0 THEN 'e' ELSE 'c' END,
                          'options', coalesce(i.indoption[k.i - 1], 0),
                          'opclass', CASE WHEN k.i <= i.indnkeyatts AND i.indclass[k.i - 1] = ANY (nd.oids)
                                          THEN (SELECT oc.opcname::text FROM pg_opclass oc WHERE oc.oid = i.indclass[k.i - 1]) END,
                          'text', CASE WHEN k.n = 0 THEN \(scope.shown("n", "pg_get_indexdef(i.indexrelid, k.i::int, true)")) ELSE a.attname::text END,
                          'collation', CASE WHEN k.n <> 0 AND k.i <= i.indnkeyatts AND i.indcollation[k.i - 1] <> a.attcollation
                                            THEN (SELECT co.collname::text FROM pg_collation co WHERE co.oid = i.indcollation[k.i - 1]) END)
                          ORDER BY k.i)
                FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, i)
                LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n)::text END AS "keys",
               i.indnkeyatts AS "keyCount", am.amname::text AS "method", array_to_json(ic.reloptions)::text AS "storage",
               \(nullsNotDistinct("i", version: version)) AS "nullsNotDistinct", ixd.description AS "comment",
               i.indkey::text AS "columnNumbers", i.indoption::text AS "keyOptions", \(scope.column("n"))
        FROM pg_index i
        CROSS JOIN (SELECT array_agg(oid) AS oids FROM pg_opclass WHERE NOT opcdefault) nd
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_am am ON am.oid = ic.relam
        JOIN pg_class tc ON tc.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = tc.relnamespace
        LEFT JOIN pg_description ixd ON ixd.objoid = ic.oid AND ixd.classoid = 'pg_class'::regclass AND ixd.objsubid = 0
        WHERE \(scope.includes("n")) AND tc.relkind IN ('r', 'p') AND tc.relname NOT IN (\(excluded))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
                          AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
        ORDER BY tc.relname, ic.relname
        """
    }

    /// The server's version (`v`, which decides the other queries' columns, with the schema they
    /// read, which they take as `$1`), enum types (`e`), sequences that a column owns (`a`: serial
    /// or `OWNED BY`; `i`: identity, listed only when an option is not the default) or a default
    /// uses (a sequence nothing uses is not Retort's), and the views and rules that depend on
    /// tables and columns (`d`): one row each, in named columns (`PostgresObjectRow`).
    static func objectsQuery(_ scope: PostgresCatalogScope) -> String { """
        SELECT 'v' AS "kind", current_setting('server_version_num') AS "name", s.name::text AS "schemaName",
               NULL::text AS "enumValues", NULL::text AS "sequenceType", NULL::bigint AS "sequenceStart",
               NULL::bigint AS "sequenceIncrement", NULL::bigint AS "sequenceMin", NULL::bigint AS "sequenceMax",
               NULL::bigint AS "sequenceCache", NULL::boolean AS "sequenceCycle", NULL::text AS "ownerTable",
               NULL::text AS "ownerColumn", NULL::text AS "ownership", NULL::text AS "dependent",
               NULL::text AS "dependentView", NULL::text AS "referencedKind", NULL::text AS "definition",
               NULL::text AS "options", NULL::text AS "comment", NULL::text AS "privileges", current_user::text AS "owner",
               NULL::text AS "outputColumns", NULL::text AS "details", s.name::text AS "inSchema"
        FROM \(scope.schemaRows("s"))
        UNION ALL
        SELECT 'e', t.typname::text, NULL,
               (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)::text,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               \(scope.column("n"))
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE \(scope.includes("n")) AND t.typtype = 'e'
        UNION ALL
        SELECT 's', s.relname::text, NULL, NULL, format_type(q.seqtypid, NULL), q.seqstart, q.seqincrement,
               q.seqmin, q.seqmax, q.seqcache, q.seqcycle, oc.relname::text, oa.attname::text, o.deptype::text, NULL,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \(scope.column("n"))
        FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace JOIN pg_sequence q ON q.seqrelid = s.oid
        LEFT JOIN pg_depend o ON o.classid = 'pg_class'::regclass AND o.objid = s.oid AND o.refclassid = 'pg_class'::regclass
             AND o.deptype IN ('a', 'i')
        LEFT JOIN pg_class oc ON oc.oid = o.refobjid
        LEFT JOIN pg_attribute oa ON oa.attrelid = o.refobjid AND oa.attnum = o.refobjsubid
        WHERE \(scope.includes("n")) AND s.relkind = 'S'
          AND CASE o.deptype WHEN 'a' THEN true
                             WHEN 'i' THEN q.seqstart <> 1 OR q.seqincrement <> 1 OR q.seqmin <> 1 OR q.seqcache <> 1 OR q.seqcycle
                                  OR q.seqmax <> CASE q.seqtypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647
                                                                 ELSE 9223372036854775807 END  -- identity: only non-default options
                             ELSE EXISTS (SELECT 1 FROM pg_depend u WHERE u.classid = 'pg_attrdef'::regclass
                                          AND u.refclassid = 'pg_class'::regclass AND u.refobjid = s.oid) END
        UNION ALL
        SELECT DISTINCT 'd', t.relname::text, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::bigint, NULL::bigint,
               NULL::bigint, NULL::bigint, NULL::boolean, t.relname::text, a.attname::text, NULL::text,
               CASE v.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' ELSE 'rule on ' END || v.relname,
               CASE WHEN r.rulename = '_RETURN' AND v.relkind IN ('v', 'm') AND vn.oid = n.oid
                         AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = v.oid
                                         AND x.deptype = 'e')
                    THEN v.relname::text END,
               t.relkind::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
               \(scope.column("n"))
        FROM pg_depend d
        JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
        JOIN pg_class v ON v.oid = r.ev_class
        JOIN pg_namespace vn ON vn.oid = v.relnamespace
        JOIN pg_class t ON d.refclassid = 'pg_class'::regclass AND t.oid = d.refobjid AND t.relkind IN ('r', 'p', 'v', 'm')
        JOIN pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0
        WHERE \(scope.includes("n")) AND v.oid <> t.oid
        UNION ALL
        SELECT 'w', c.relname::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               \(scope.shown("n", "pg_get_viewdef(c.oid)")), array_to_json(c.reloptions)::text, de.description,
               array_to_json(c.relacl)::text, pg_get_userbyid(c.relowner)::text, \(scope.shown("n", outputColumns("c"))), NULL,
               \(scope.column("n"))
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description de ON de.objoid = c.oid AND de.classoid = 'pg_class'::regclass AND de.objsubid = 0
        WHERE \(scope.includes("n")) AND c.relkind = 'v'
          AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
        UNION ALL
        SELECT 'm', t.typname::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, de.description, array_to_json(t.typacl)::text, pg_get_userbyid(t.typowner)::text, NULL,
               \(scope.shown("n", """
               json_build_object(
                 'type', format_type(t.typbasetype, t.typtypmod), 'notNull', t.typnotnull,
                 'defaultValue', pg_get_expr(t.typdefaultbin, 0),
                 'collation', CASE WHEN t.typcollation <> b.typcollation
                                   THEN (SELECT co.collname FROM pg_collation co WHERE co.oid = t.typcollation) END,
                 'checks', (SELECT json_agg(json_build_object('name', k.conname, 'definition', pg_get_constraintdef(k.oid, true))
                                            ORDER BY k.conname)
                            FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'))::text
               """)), \(scope.column("n"))
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_type b ON b.oid = t.typbasetype
        LEFT JOIN pg_description de ON de.objoid = t.oid AND de.classoid = 'pg_type'::regclass AND de.objsubid = 0
        WHERE \(scope.includes("n")) AND t.typtype = 'd'
          AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass AND x.objid = t.oid AND x.deptype = 'e')
        UNION ALL
        SELECT 'c', t.typname::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, de.description, array_to_json(t.typacl)::text, pg_get_userbyid(t.typowner)::text, NULL,
               \(scope.shown("n", """
               json_build_object('attributes', (
                 SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
                 FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))::text
               """)), \(scope.column("n"))
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_class r ON r.oid = t.typrelid AND r.relkind = 'c'
        LEFT JOIN pg_description de ON de.objoid = t.oid AND de.classoid = 'pg_type'::regclass AND de.objsubid = 0
        WHERE \(scope.includes("n")) AND t.typtype = 'c'
          AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass AND x.objid = t.oid AND x.deptype = 'e')
        UNION ALL
        SELECT CASE WHEN p.prokind = 'a' THEN 'g' ELSE 'f' END, \(scope.shown("n", routineIdentity("p"))), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, de.description, array_to_json(p.proacl)::text,
               pg_get_userbyid(p.proowner)::text, NULL, \(scope.shown("n", """
               CASE WHEN p.prokind = 'a' THEN json_build_object(
                 'name', p.proname, 'arguments', (SELECT json_agg(format_type(u.t, NULL) ORDER BY u.i)
                                                   FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS u(t, i)),
                 'stateFunction', (SELECT sf.proname FROM pg_proc sf WHERE sf.oid = ag.aggtransfn),
                 'stateType', format_type(ag.aggtranstype, NULL),
                 'finalFunction', (SELECT ff.proname FROM pg_proc ff WHERE ff.oid = ag.aggfinalfn),
                 'initialCondition', ag.agginitval)
               ELSE json_build_object(
                 'name', p.proname, 'kind', p.prokind,
                 'arguments', (SELECT json_agg(json_build_object('name', NULLIF(u.n, ''), 'mode', COALESCE(u.m, 'i'),
                                                                 'type', format_type(u.t, NULL)) ORDER BY u.i)
                               FROM unnest(COALESCE(p.proallargtypes, p.proargtypes::oid[]), p.proargnames, p.proargmodes::text[])
                                    WITH ORDINALITY AS u(t, n, m, i)),
                 'defaults', pg_get_expr(p.proargdefaults, 0),
                 'result', CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END,
                 'language', l.lanname, 'body', p.prosrc, 'volatility', p.provolatile, 'strict', p.proisstrict,
                 'securityDefiner', p.prosecdef, 'parallel', p.proparallel, 'leakproof', p.proleakproof,
                 'settings', p.proconfig) END::text
               """)), \(scope.column("n"))
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_language l ON l.oid = p.prolang
        LEFT JOIN pg_aggregate ag ON ag.aggfnoid = p.oid
        LEFT JOIN pg_description de ON de.objoid = p.oid AND de.classoid = 'pg_proc'::regclass AND de.objsubid = 0
        WHERE \(scope.includes("n")) AND p.prokind IN ('f', 'p', 'a')
          AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')
        UNION ALL
        SELECT 'x', c.relname::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               \(scope.shown("n", "pg_get_viewdef(c.oid)")), NULL, de.description, array_to_json(c.relacl)::text,
               pg_get_userbyid(c.relowner)::text, \(scope.shown("n", outputColumns("c"))),
               \(scope.shown("n", "json_build_object('withData', c.relispopulated, 'indexes', \(ownIndexes("c")))::text")),
               \(scope.column("n"))
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description de ON de.objoid = c.oid AND de.classoid = 'pg_class'::regclass AND de.objsubid = 0
        WHERE \(scope.includes("n")) AND c.relkind = 'm'
          AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
        UNION ALL
        SELECT 'r', c.relname::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               CASE WHEN c.relispartition THEN (SELECT pc.relname::text FROM pg_inherits ih JOIN pg_class pc ON pc.oid = ih.inhparent
                                                WHERE ih.inhrelid = c.oid) END,
               NULL, NULL, NULL, NULL, NULL, \(scope.shown("n", "pg_get_expr(c.relpartbound, c.oid)")),
               \(scope.shown("n", "pg_get_partkeydef(c.oid)")), de.description, NULL, NULL, NULL,
               CASE WHEN c.relispartition THEN \(scope.shown("n", "json_build_object('indexes', \(ownIndexes("c")))::text")) END,
               \(scope.column("n"))
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description de ON de.objoid = c.oid AND de.classoid = 'pg_class'::regclass AND de.objsubid = 0
        WHERE \(scope.includes("n")) AND c.relkind IN ('r', 'p') AND (c.relkind = 'p' OR c.relispartition)
          AND c.relname NOT IN (\(excluded))
        UNION ALL
        SELECT 'n', e.extname::text, en.nspname::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, e.extversion::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL::text
        FROM pg_extension e JOIN pg_namespace en ON en.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql'
        UNION ALL
        SELECT 'k', con.conname::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, c.relname::text, NULL, NULL, NULL,
               NULL, NULL, \(scope.shown("n", "pg_get_constraintdef(con.oid)")), NULL, de.description, NULL, NULL, NULL, NULL,
               \(scope.column("n"))
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description de ON de.objoid = con.oid AND de.classoid = 'pg_constraint'::regclass AND de.objsubid = 0
        WHERE \(scope.includes("n")) AND con.contype = 'x' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname NOT IN (\(excluded))
        UNION ALL
        SELECT 'q', c.relname::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL, NULL, NULL, NULL,
               json_build_object('enabled', c.relrowsecurity, 'forced', c.relforcerowsecurity)::text, \(scope.column("n"))
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE \(scope.includes("n")) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND (c.relrowsecurity OR c.relforcerowsecurity) AND c.relname NOT IN (\(excluded))
        UNION ALL
        SELECT 'y', pol.polname::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, c.relname::text, NULL, NULL, NULL,
               NULL, NULL, NULL, NULL, de.description, NULL, NULL, NULL, \(scope.shown("n", """
               json_build_object(
                 'command', pol.polcmd, 'permissive', pol.polpermissive,
                 'roles', (SELECT json_agg(CASE WHEN r.oid = 0 THEN 'public' ELSE pg_get_userbyid(r.oid)::text END ORDER BY r.i)
                           FROM unnest(pol.polroles) WITH ORDINALITY AS r(oid, i)),
                 'using', pg_get_expr(pol.polqual, pol.polrelid), 'withCheck', pg_get_expr(pol.polwithcheck, pol.polrelid),
                 'columns', (SELECT json_agg(DISTINCT a.attname) FROM pg_depend d
                             JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                             WHERE d.classid = 'pg_policy'::regclass AND d.objid = pol.oid AND d.refclassid = 'pg_class'::regclass
                               AND d.refobjsubid > 0))::text
               """)), \(scope.column("n"))
        FROM pg_policy pol
        JOIN pg_class c ON c.oid = pol.polrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description de ON de.objoid = pol.oid AND de.classoid = 'pg_policy'::regclass AND de.objsubid = 0
        WHERE \(scope.includes("n")) AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT IN (\(excluded))
        UNION ALL
        SELECT 't', tg.tgname::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, c.relname::text, NULL, NULL, NULL,
               NULL, NULL, \(scope.shown("n", "pg_get_triggerdef(tg.oid)")), NULL, de.description, NULL, NULL, NULL,
               json_build_object(
                 'type', tg.tgtype, 'function', p.proname, 'arguments', encode(tg.tgargs, 'escape'), 'argumentCount', tg.tgnargs,
                 'updateOf', (SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(tg.tgattr::int2[]) WITH ORDINALITY AS k(n, i)
                              JOIN pg_attribute a ON a.attrelid = tg.tgrelid AND a.attnum = k.n),
                 'columns', (SELECT json_agg(DISTINCT a.attname) FROM pg_depend d
                             JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                             WHERE d.classid = 'pg_trigger'::regclass AND d.objid = tg.oid AND d.refclassid = 'pg_class'::regclass
                               AND d.refobjsubid > 0),
                 'oldTable', tg.tgoldtable, 'newTable', tg.tgnewtable, 'constraint', tg.tgconstraint <> 0,
                 'deferrable', tg.tgdeferrable, 'initiallyDeferred', tg.tginitdeferred, 'enabled', tg.tgenabled)::text,
               \(scope.column("n"))
        FROM pg_trigger tg
        JOIN pg_class c ON c.oid = tg.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_proc p ON p.oid = tg.tgfoid
        LEFT JOIN pg_description de ON de.objoid = tg.oid AND de.classoid = 'pg_trigger'::regclass AND de.objsubid = 0
        WHERE \(scope.includes("n")) AND NOT tg.tgisinternal AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname NOT IN (\(excluded))
        UNION ALL
        SELECT DISTINCT 'p', \(scope.shown("n", routineIdentity("p"))), NULL, NULL, NULL, \(Self.noSequence), u.owner_table, NULL,
               NULL, u.name, NULL, \(routineKind("p")), NULL, u.kind, NULL, NULL, NULL, NULL, NULL, \(scope.column("n"))
        FROM pg_depend d
        JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
        JOIN pg_namespace n ON n.oid = p.pronamespace AND \(scope.includes("n"))
        CROSS JOIN LATERAL (
          SELECT CASE v.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END, v.relname::text, NULL::text
          FROM pg_rewrite r JOIN pg_class v ON v.oid = r.ev_class
          WHERE d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid AND v.relnamespace = n.oid AND v.oid <> 0
          UNION ALL
          SELECT 'table', c.relname::text, NULL FROM pg_attrdef ad JOIN pg_class c ON c.oid = ad.adrelid
          WHERE d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid AND c.relnamespace = n.oid
          UNION ALL
          SELECT CASE WHEN k.contypid <> 0 THEN 'domain' ELSE 'table' END, COALESCE(c.relname, t.typname)::text, NULL
          FROM pg_constraint k LEFT JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_type t ON t.oid = k.contypid
          WHERE d.classid = 'pg_constraint'::regclass AND k.oid = d.objid AND COALESCE(c.relnamespace, t.typnamespace) = n.oid
          UNION ALL
          SELECT 'table', c.relname::text, NULL FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
          WHERE d.classid = 'pg_class'::regclass AND i.indexrelid = d.objid AND c.relnamespace = n.oid
          UNION ALL
          SELECT 'trigger', tg.tgname::text, c.relname::text FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
          WHERE d.classid = 'pg_trigger'::regclass AND tg.oid = d.objid AND c.relnamespace = n.oid
          UNION ALL
          SELECT 'policy', pol.polname::text, c.relname::text FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid
          WHERE d.classid = 'pg_policy'::regclass AND pol.oid = d.objid AND c.relnamespace = n.oid
          UNION ALL
          SELECT \(routineKind("q")), \(scope.shown("n", routineIdentity("q"))), NULL FROM pg_proc q
          WHERE d.classid = 'pg_proc'::regclass AND q.oid = d.objid AND q.pronamespace = n.oid
          UNION ALL
          SELECT 'domain', t.typname::text, NULL FROM pg_type t
          WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid AND t.typtype = 'd' AND t.typnamespace = n.oid
        ) AS u(kind, name, owner_table)
        WHERE d.deptype = 'n'
        UNION ALL
        SELECT DISTINCT 'p', u.name, NULL, NULL, NULL, \(Self.noSequence), NULL, NULL, NULL,
               \(scope.shown("n", routineIdentity("p"))), NULL, u.kind, NULL, \(routineKind("p")), NULL, NULL, NULL, NULL, NULL,
               \(scope.column("n"))
        FROM pg_depend d
        JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
        JOIN pg_namespace n ON n.oid = p.pronamespace AND \(scope.includes("n"))
        CROSS JOIN LATERAL (
          SELECT CASE WHEN c.relkind IN ('r', 'p') THEN 'table' WHEN c.relkind = 'v' THEN 'view' WHEN c.relkind = 'c' THEN 'type'
                      WHEN t.typtype = 'd' THEN 'domain' END, COALESCE(c.relname, t.typname)::text
          FROM pg_type t0
          JOIN pg_type t ON t.oid = CASE WHEN t0.typelem <> 0 AND t0.typlen = -1 THEN t0.typelem ELSE t0.oid END
          LEFT JOIN pg_class c ON c.oid = t.typrelid
          WHERE d.refclassid = 'pg_type'::regclass AND t0.oid = d.refobjid AND t.typnamespace = n.oid
          UNION ALL
          SELECT \(routineKind("q")), \(scope.shown("n", routineIdentity("q"))) FROM pg_proc q
          WHERE d.refclassid = 'pg_proc'::regclass AND q.oid = d.refobjid AND q.pronamespace = n.oid
        ) AS u(kind, name)
        WHERE d.deptype = 'n' AND u.kind IS NOT NULL
        ORDER BY 1, 2, 15, 13
        """
    }

    /// A relation's own indexes (not those a partitioned parent's index put there, nor a
    /// constraint's) as a JSON array of `PostgresIndexDetails`, in parentheses.
    static func ownIndexes(_ c: String) -> String { """
        (SELECT json_agg(json_build_object(
                  'name', ic.relname, 'unique', i.indisunique, 'method', am.amname,
                  'predicate', pg_get_expr(i.indpred, i.indrelid, true),
                  'comment', (SELECT ixd.description FROM pg_description ixd WHERE ixd.objoid = ic.oid
                              AND ixd.classoid = 'pg_class'::regclass AND ixd.objsubid = 0),
                  'keys', (SELECT json_agg(json_build_object(
                                    'text', pg_get_indexdef(i.indexrelid, k, true), 'column', a.attname,
                                    'options', i.indoption[k - 1]) ORDER BY k)
                           FROM generate_series(1, i.indnkeyatts) AS k
                           LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
                                AND i.indkey[k - 1] <> 0)) ORDER BY ic.relname)
         FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
         WHERE i.indrelid = \(c).oid AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid))
        """
    }

    /// A relation's columns as `name type`, in order, as a JSON array (what a view returns).
    static func outputColumns(_ c: String) -> String {
        "(SELECT json_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) "
            + "FROM pg_attribute a WHERE a.attrelid = \(c).oid AND a.attnum > 0 AND NOT a.attisdropped)::text"
    }

    /// The sequence columns of a row that is not a sequence, typed (a `DISTINCT` branch resolves bare NULLs as text).
    static let noSequence = "NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::boolean"

    /// A function's identity as `FunctionSignature` spells it: `name(integer, text)`.
    static func routineIdentity(_ p: String) -> String {
        "\(p).proname || '(' || COALESCE((SELECT string_agg(format_type(a.t, NULL), ', ' ORDER BY a.i) "
            + "FROM unnest(\(p).proargtypes::oid[]) WITH ORDINALITY AS a(t, i)), '') || ')'"
    }

    /// The `ObjectKind` of a routine: `function`, `procedure` or `aggregate`.
    static func routineKind(_ p: String) -> String {
        "CASE \(p).prokind WHEN 'a' THEN 'aggregate' WHEN 'p' THEN 'procedure' ELSE 'function' END"
    }

    /// The constraints and indexes queries' rows: read on other connections while the columns
    /// are read and parsed on this one, or on this one afterwards.
    private struct PendingKeys {
        var wait: () throws -> (constraints: QueryResult, indexes: QueryResult)
    }

    /// Starts the constraints and indexes queries and runs the objects query. On a connection
    /// that is not inside a transaction (so that a second session sees the same schema), the two
    /// run on a second connection as soon as it is open, with the server version libpq already
    /// knows, printing under this session's search path (`side`), while this one runs the objects
    /// and columns queries and parses the columns: the server answers on two cores. Still four
    /// queries. (A connection per query measured no faster on two cores.)
    private func begin(_ scope: PostgresCatalogScope, side: PostgresCatalogScope) throws
        -> (objects: [PostgresObjectRow], keys: PendingKeys)
    {
        guard let pg = db as? PostgresConnection, pg.isIdle else {
            // Read first: the server's version decides what the constraint and index queries can ask.
            let objects = try CatalogRow.decode(try db.queryResult(Self.objectsQuery(scope), scope.parameters), as: PostgresObjectRow.self)
            let version = objects.first { $0.kind == "v" }.flatMap { Int64($0.name) } ?? 0
            let db = self.db
            return (objects, PendingKeys {
                (try db.queryResult(Self.constraintsQuery(version: version, scope), scope.parameters),
                 try db.queryResult(Self.indexesQuery(version: version, scope), scope.parameters))
            })
        }
        let (url, version) = (pg.url, pg.serverVersion)
        // The constraints and indexes are read on a second connection meanwhile (nil: the server
        // refused it — connection limit, pooler — so they are read here after all).
        let reading = BlockingThread.start { () -> Result<(constraints: QueryResult, indexes: QueryResult), any Error>? in
            guard let other = try? PostgresConnection(url: url) else { return nil }
            defer { other.close() }
            return Result {
                _ = try Self.prepare(other)
                return (try other.queryResult(Self.constraintsQuery(version: version, side), side.parameters),
                        try other.queryResult(Self.indexesQuery(version: version, side), side.parameters))
            }
        }
        let db = self.db
        let objects: [PostgresObjectRow]
        do {
            objects = try CatalogRow.decode(try db.queryResult(Self.objectsQuery(scope), scope.parameters))
        } catch {
            _ = try? reading.wait()
            throw error
        }
        return (objects, PendingKeys {
            if let rows = try reading.wait() { return try rows.get() }
            return (try db.queryResult(Self.constraintsQuery(version: version, scope), scope.parameters),
                    try db.queryResult(Self.indexesQuery(version: version, scope), scope.parameters))
        })
    }

    /// The tables being read, by name, with each table's column names by number (keys and
    /// indexes name columns by number).
    private struct Tables {
        var byName: [String: Table] = [:]
        var order: [String] = []
        var attributes: [String: [Int64: String]] = [:]

        /// Key columns: numbers (`{1,3}`, or `1 3` as in `indkey`) of `table`, or names as JSON.
        func keyColumns(_ value: SQLValue, of table: String) -> [String] {
            guard let text = value.string, !text.hasPrefix("[") else { return PostgresIntrospector.names(value) }
            let names = attributes[table] ?? [:]
            return text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "{" || $0 == "}" })
                .compactMap { Int64($0).flatMap { names[$0] } }
        }
    }

    /// What a reading session starts from: JIT compilation turned off (`jit`: the setting it had,
    /// nil on a server without JIT, which is left alone), and the search path and current schema
    /// it prints names under. Catalog queries over a large schema cross `jit_above_cost`, and
    /// compiling them costs more than running them: at 10,000 tables the objects query took
    /// 550 ms with JIT and 156 ms without. The subquery reads the old values before the outer
    /// query changes JIT.
    static func prepare(_ db: any DatabaseConnection) throws -> (jit: String?, path: String, schema: String?) {
        let row = try db.query("""
            SELECT s.jit, CASE WHEN s.jit IS NOT NULL THEN set_config('jit', 'off', false) END, s.path, s.schema
            FROM (SELECT current_setting('jit', true) AS jit, current_setting('search_path') AS path,
                         current_schema()::text AS schema OFFSET 0) AS s
            """, []).first ?? []
        func text(_ i: Int) -> String? { i < row.count ? row[i].string : nil }
        return (text(0), text(2) ?? "", text(3))
    }

    /// The session's current schema.
    func read() throws -> Schema {
        try reading { session in
            let schemas = session.schema.map { [$0] } ?? []
            let read = try readTables(
                PostgresCatalogScope(schemas: schemas), side: PostgresCatalogScope(schemas: schemas, path: .whole(session.path)))
            return session.schema.flatMap { read[$0] } ?? Self.emptySchema
        }
    }

    /// Several schemas of the database at once, in the same queries as one, each exactly as a
    /// session with that schema first on its search path (then this session's path) reads it: a
    /// fleet's tenant schemas. A schema that does not exist reads as an empty one.
    func read(schemas: [String]) throws -> [String: Schema] {
        try reading { session in
            let scope = PostgresCatalogScope(schemas: schemas, path: .after(session.path))
            defer {
                // The queries set the path for the transaction; inside one it would outlive them.
                if let pg = db as? PostgresConnection, !pg.isIdle {
                    _ = try? db.query("SELECT set_config('search_path', $1, true)", [.text(session.path)])
                }
            }
            return try readTables(scope, side: scope)
        }
    }

    /// Runs `body` with JIT off, giving the setting back after it.
    private func reading<T>(_ body: ((jit: String?, path: String, schema: String?)) throws -> T) throws -> T {
        let session = try Self.prepare(db)
        defer {
            // Given back as it was for what the session runs next (a failed transaction sets it back itself).
            if let jit = session.jit, jit != "off" { _ = try? db.query("SELECT set_config('jit', $1, false)", [.text(jit)]) }
        }
        return try body(session)
    }

    private static var emptySchema: Schema {
        var schema = Schema()
        schema.catalog.dialect = .postgres
        return schema
    }

    /// Every schema of `scope`, by name.
    private func readTables(_ scope: PostgresCatalogScope, side: PostgresCatalogScope) throws -> [String: Schema] {
        let (objects, pending) = try begin(scope, side: side)
        let columnRows: QueryResult
        do {
            columnRows = try db.queryResult(Self.columnsQuery(scope), scope.parameters)
        } catch {
            _ = try? pending.wait()
            throw error
        }
        guard scope.schemas.count != 1 else {
            var tables = try Self.readColumns(columnRows)  // parsed while the other session reads the keys
            return [scope.schemas[0]: try Self.schema(&tables, keys: try pending.wait(), objects: objects)]
        }
        // Split by schema; rows of none (extensions) belong to every one.
        var tables = try CatalogRow.split(columnRows, by: "inSchema").mapValues(Self.readColumns)
        let keys = try pending.wait()
        let constraints = CatalogRow.split(keys.constraints, by: "inSchema"), indexes = CatalogRow.split(keys.indexes, by: "inSchema")
        var objectsBySchema: [String: [PostgresObjectRow]] = [:]
        let shared = objects.filter { $0.inSchema == nil }
        for row in objects { if let s = row.inSchema { objectsBySchema[s, default: []].append(row) } }
        var schemas: [String: Schema] = [:]
        for name in scope.schemas {
            var own = tables.removeValue(forKey: name) ?? Tables()
            schemas[name] = try Self.schema(
                &own,
                keys: (constraints[name] ?? QueryResult(columns: keys.constraints.columns, rows: []),
                       indexes[name] ?? QueryResult(columns: keys.indexes.columns, rows: [])),
                objects: Self.merged(objectsBySchema[name] ?? [], shared))
        }
        return schemas
    }

    /// A schema's object rows with the database's (extensions), in the objects query's order
    /// (by kind, then name; extensions are kind `n`).
    private static func merged(_ own: [PostgresObjectRow], _ shared: [PostgresObjectRow]) -> [PostgresObjectRow] {
        guard !shared.isEmpty else { return own }
        let at = own.firstIndex { $0.kind > "n" } ?? own.count
        return Array(own[..<at]) + shared + own[at...]
    }

    /// One schema from its tables' columns and the rest of its rows.
    private static func schema(_ tables: inout Tables, keys: (constraints: QueryResult, indexes: QueryResult), objects: [PostgresObjectRow])
        throws -> Schema
    {
        try Self.readConstraints(keys.constraints, into: &tables)
        try Self.readIndexes(keys.indexes, into: &tables)
        var schema = Schema(tables: tables.order.map { tables.byName[$0]! })
        schema.catalog.dialect = .postgres
        Self.readObjects(objects, into: &schema)
        return schema
    }

    /// Tables and their columns. Rows come unordered: columns are gathered per table with their
    /// numbers, then sorted.
    private static func readColumns(_ rows: QueryResult) throws -> Tables {
        var tables = Tables()
        var numbered: [String: [(number: Int64, column: Column)]] = [:]
        // Schemas repeat a few types and defaults over thousands of columns: each is read once.
        var types: [String: ColumnType] = [:]
        var defaults: [String: [ColumnType: DefaultValue?]] = [:]
        for row in try CatalogRow.records(rows, as: PostgresColumnRow.self) {
            let name = row.tableName
            if tables.byName[name] == nil {
                tables.byName[name] = Table(name: name, comment: row.tableComment)
                tables.order.append(name)
            }
            guard let columnName = row.columnName else { continue }  // a table with no columns
            tables.attributes[name, default: [:]][row.number] = columnName
            let type = types[row.typeName] ?? PostgresDialect.parseType(row.typeName)
            types[row.typeName] = type
            var column = Column(columnName, type, nullable: !row.notNull)
            if let enumName = row.enumName { column.type = .enumeration(enumName, names(row.enumValues)) }
            switch row.identity {
            case "a", "d":
                column.autoincrement = true
                column.autoincrementKind = .identity(row.identity == "a" ? .always : .byDefault)  // options: objects query
            default:
                if let d = row.defaultExpression {
                    if let known = defaults[d]?[column.type] {
                        column.defaultValue = known
                    } else {
                        column.defaultValue = PostgresDialect.parseDefault(d, columnType: column.type)?.typed(for: column.type)
                        defaults[d, default: [:]][column.type] = .some(column.defaultValue)
                    }
                }
            }
            if let kind = row.generatedKind, let expression = row.generatedExpression {
                column.generated = GeneratedColumn(SQLText.normalizeExpression(expression), stored: kind == "s")
            }
            if let collation = row.collation { column.collations = [.postgres: collation] }
            column.comment = row.comment
            numbered[name, default: []].append((row.number, column))
        }
        for (name, columns) in numbered {
            tables.byName[name]!.columns = columns.sorted { $0.number < $1.number }.map(\.column)
        }
        tables.order.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }  // as PostgreSQL orders names
        return tables
    }

    /// Primary keys, unique constraints, foreign keys and checks.
    private static func readConstraints(_ rows: QueryResult, into tables: inout Tables) throws {
        for row in try CatalogRow.records(rows, as: PostgresConstraintRow.self) {
            let table = row.tableName, name = row.name
            guard tables.byName[table] != nil else { continue }
            let columns = tables.keyColumns(row.columnNumbers, of: table)
            let deferrable: Deferrable? = row.deferrable ? (row.deferred ? .initiallyDeferred : .initiallyImmediate) : nil
            switch row.kind {
            case "p":
                tables.byName[table]!.primaryKey = PrimaryKey(columns, name: name, deferrable: deferrable)
            case "u":
                tables.byName[table]!.uniqueConstraints.append(
                    UniqueConstraint(columns, name: name, deferrable: deferrable, nullsNotDistinct: row.nullsNotDistinct))
            case "f":
                let referenced = row.referencedTable ?? ""
                tables.byName[table]!.foreignKeys.append(
                    ForeignKey(
                        columns, references: referenced, tables.keyColumns(row.referencedColumns, of: referenced),
                        onDelete: action(row.onDelete), onUpdate: action(row.onUpdate), name: name, deferrable: deferrable,
                        matchFull: row.matchType == "f", notValid: !row.validated))
            case "c":
                tables.byName[table]!.checks.append(
                    CheckConstraint(name, checkExpression(row.checkDefinition ?? ""), noInherit: row.noInherit, notValid: !row.validated))
            default:
                break
            }
        }
    }

    /// A check's expression from `pg_get_constraintdef`: `CHECK (…)` and its flags taken off.
    static func checkExpression(_ definition: String) -> String {
        var def = definition
        if def.hasPrefix("CHECK ") { def = String(def.dropFirst(6)) }
        for suffix in [" NOT VALID", " NO INHERIT"] where def.hasSuffix(suffix) { def = String(def.dropLast(suffix.count)) }
        return SQLText.normalizeExpression(def)
    }

    /// Indexes no constraint owns.
    private static func readIndexes(_ rows: QueryResult, into tables: inout Tables) throws {
        for row in try CatalogRow.records(rows, as: PostgresIndexRow.self) {
            let table = row.tableName
            guard tables.byName[table] != nil else { continue }
            var keys: [IndexKey] = [], options: [IndexKeyOptions] = [], include: [String] = []
            if let spelled = row.keys {
                for key in try JSONDecoder().decode([PostgresIndexKey].self, from: Data(spelled.utf8)) {
                    switch key.kind {
                    case "i": include.append(key.text)
                    case "e": keys.append(.expression(key.text))
                    default: keys.append(.column(key.text))
                    }
                    guard key.kind != "i" else { continue }
                    options.append(
                        IndexKeyOptions(
                            opclass: key.opclass, descending: key.options & 1 != 0, nulls: key.options & 2 != 0 ? .first : .last,
                            collations: key.collation.map { [.postgres: $0] } ?? [:]))
                }
            } else {
                // Plain columns and default operator classes: numbers and option bits.
                let columns = tables.keyColumns(row.columnNumbers, of: table)
                let flags = (row.keyOptions ?? "").split(separator: " ").map { Int($0) ?? 0 }
                let keyCount = Int(row.keyCount ?? Int64(columns.count))
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
            var storage: [String: String] = [:]
            for option in names(row.storage) {
                let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { storage[pair[0]] = pair[1] }
            }
            tables.byName[table]!.indexes.append(
                Index(
                    keys: keys, unique: row.isUnique, name: row.name, where: row.predicate.map(SQLText.normalizeExpression),
                    using: row.method, options: options, include: include, storage: storage,
                    nullsNotDistinct: row.nullsNotDistinct, comment: row.comment))
        }
    }

    /// Enum types no column uses, sequences (an identity's options go to its column, a serial's
    /// sequence becomes its column's `serial`), and the objects that depend on tables and columns.
    private static func readObjects(_ rows: [PostgresObjectRow], into schema: inout Schema) {
        let used = schema.enumTypes()
        // Objects name their table: found by name, not by searching the tables for each (the list does not change here).
        let tableAt = Dictionary(schema.tables.enumerated().map { ($1.name, $0) }) { a, _ in a }
        var ownedSequences: [DatabaseSequence] = []
        var partitionRows: [PostgresObjectRow] = []
        schema.catalog.reader = rows.first { $0.kind == "v" }?.owner
        schema.catalog.schemaName = rows.first { $0.kind == "v" }?.schemaName
        for row in rows {
            let name = row.name
            switch row.kind {
            case "e":
                if used[name] == nil { schema.enums.append(EnumType(name, names(row.enumValues))) }
            case "s":
                let owner = row.ownerTable.flatMap { t in row.ownerColumn.map { ColumnReference(t, $0) } }
                let sequence = DatabaseSequence(
                    name, type: PostgresDialect.parseType(row.sequenceType ?? "bigint"), start: row.sequenceStart ?? 0,
                    increment: row.sequenceIncrement ?? 0, minValue: row.sequenceMin ?? 0, maxValue: row.sequenceMax ?? 0,
                    cache: row.sequenceCache ?? 0, cycle: row.sequenceCycle, ownedBy: owner)
                if row.ownership == "i", let owner, let t = tableAt[owner.table],
                    let c = schema.tables[t].columns.firstIndex(where: { $0.name == owner.column }),
                    let kind = schema.tables[t].columns[c].autoincrementKind?.identityKind
                {
                    schema.tables[t].columns[c].autoincrementKind = .identity(kind, sequence)
                    continue
                }
                if owner != nil { ownedSequences.append(sequence) } else { schema.sequences.append(sequence) }
            case "d":
                let referenced = ObjectID(row.referencedKind == "v" ? .view : row.referencedKind == "m" ? .materializedView : .table, name)
                if let view = row.dependentView {
                    // A view of this schema: part of the graph; dropped and created again around a change.
                    let kind: ObjectKind = row.dependent?.hasPrefix("materialized view ") == true ? .materializedView : .view
                    schema.catalog.dependencies.append(ObjectDependency(ObjectID(kind, view), on: referenced, column: row.ownerColumn))
                    continue
                }
                guard let what = row.dependent, referenced.kind == .table else { continue }
                schema.dependents[ColumnReference(name, ""), default: []].append(what)
                if let column = row.ownerColumn { schema.dependents[ColumnReference(name, column), default: []].append(what) }
            case "m":
                guard let details = row.details.flatMap({ try? JSONDecoder().decode(PostgresDomainDetails.self, from: Data($0.utf8)) })
                else { continue }
                let domain = Domain(
                    name, details.type, default: details.defaultValue, notNull: details.notNull,
                    checks: (details.checks ?? []).map { CheckConstraint($0.name, Self.checkExpression($0.definition)) },
                    collation: details.collation, comment: row.comment)
                schema.domains.append(domain)
                schema.catalog.objects[ObjectID(.domain, name)] = CatalogObject(.domain(domain), privileges: names(row.privileges), owner: row.owner)
                Self.noteColumns(typedBy: ObjectID(.domain, name), in: &schema)
            case "c":
                guard let details = row.details.flatMap({ try? JSONDecoder().decode(PostgresCompositeDetails.self, from: Data($0.utf8)) })
                else { continue }
                let type = CompositeType(name, (details.attributes ?? []).map { CompositeType.Attribute($0.name, $0.type) }, comment: row.comment)
                schema.compositeTypes.append(type)
                schema.catalog.objects[ObjectID(.compositeType, name)] = CatalogObject(
                    .compositeType(type), privileges: names(row.privileges), owner: row.owner)
                Self.noteColumns(typedBy: ObjectID(.compositeType, name), in: &schema)
            case "f":
                guard let details = row.details.flatMap({ try? JSONDecoder().decode(PostgresFunctionDetails.self, from: Data($0.utf8)) })
                else { continue }
                var function = details.function
                function.comment = row.comment
                schema.functions.append(function)
                schema.catalog.objects[SchemaObject.function(function).id] = CatalogObject(
                    .function(function), privileges: names(row.privileges), owner: row.owner)
            case "g":
                guard let d = row.details.flatMap({ try? JSONDecoder().decode(PostgresAggregateDetails.self, from: Data($0.utf8)) })
                else { continue }
                let aggregate = Aggregate(
                    d.name, d.arguments ?? [], stateFunction: d.stateFunction, stateType: d.stateType, finalFunction: d.finalFunction,
                    initialCondition: d.initialCondition, comment: row.comment)
                schema.aggregates.append(aggregate)
                schema.catalog.objects[ObjectID(.aggregate, aggregate.signature)] = CatalogObject(
                    .aggregate(aggregate), privileges: names(row.privileges), owner: row.owner)
            case "p":
                // An edge to or from a function: `dependent` (of kind `options`) uses `name` (of kind `referencedKind`).
                guard let dependentKind = row.options.string.flatMap(Self.graphKind), let referencedKind = row.referencedKind.flatMap(Self.graphKind),
                    let dependent = row.dependent
                else { continue }
                // A trigger is known as `table.trigger`, a policy as `table.policy`.
                let from = dependentKind == .trigger || dependentKind == .policy
                    ? ObjectID(dependentKind, "\(row.ownerTable ?? "").\(dependent)") : ObjectID(dependentKind, dependent)
                schema.catalog.dependencies.append(ObjectDependency(from, on: ObjectID(referencedKind, name)))
            case "x":
                guard let details = row.details.flatMap({ try? JSONDecoder().decode(PostgresMaterializedViewDetails.self, from: Data($0.utf8)) })
                else { continue }
                let view = MaterializedView(name, row.definition ?? "", withData: details.withData, indexes: details.indexList, comment: row.comment)
                schema.materializedViews.append(view)
                schema.catalog.objects[ObjectID(.materializedView, name)] = CatalogObject(
                    .materializedView(view), privileges: names(row.privileges), owner: row.owner, outputColumns: names(row.outputColumns))
            case "r":
                partitionRows.append(row)
            case "n":
                // Every extension of the database, with the schema it lives in.
                let e = Extension(name, schema: row.schemaName, version: row.definition)
                schema.extensions.append(e)
                schema.catalog.objects[ObjectID(.extension, name)] = CatalogObject(.extension(e))
            case "k":
                guard let table = row.ownerTable, let t = tableAt[table],
                    var x = ExclusionConstraint.parse(name: name, definition: row.definition ?? "")
                else { continue }
                x.comment = row.comment
                schema.tables[t].exclusionConstraints.append(x)
                schema.catalog.objects[ObjectID(.exclusion, "\(table).\(name)")] = CatalogObject(.exclusion(table: table, x))
            case "q":
                guard let t = tableAt[name],
                    let d = row.details.flatMap({ try? JSONDecoder().decode(RowLevelSecurity.self, from: Data($0.utf8)) })
                else { continue }
                schema.tables[t].rowLevelSecurity = d
            case "y":
                guard let table = row.ownerTable, let t = tableAt[table],
                    let details = row.details.flatMap({ try? JSONDecoder().decode(PostgresPolicyDetails.self, from: Data($0.utf8)) })
                else { continue }
                var policy = details.policy(name)
                policy.comment = row.comment
                schema.tables[t].policies.append(policy)
                let id = ObjectID(.policy, "\(table).\(name)")
                schema.catalog.objects[id] = CatalogObject(.policy(table: table, policy))
                schema.catalog.dependencies.append(ObjectDependency(id, on: ObjectID(.table, table)))
                for column in details.columns ?? [] {
                    schema.catalog.dependencies.append(ObjectDependency(id, on: ObjectID(.table, table), column: column))
                }
            case "t":
                guard let table = row.ownerTable, let t = tableAt[table],
                    let details = row.details.flatMap({ try? JSONDecoder().decode(PostgresTriggerDetails.self, from: Data($0.utf8)) })
                else { continue }
                var trigger = details.trigger(name, definition: row.definition ?? "")
                trigger.comment = row.comment
                schema.tables[t].triggers.append(trigger)
                let id = ObjectID(.trigger, "\(table).\(name)")
                schema.catalog.objects[id] = CatalogObject(.trigger(table: table, trigger))
                schema.catalog.dependencies.append(ObjectDependency(id, on: ObjectID(.table, table)))
                for column in details.columns ?? [] {
                    schema.catalog.dependencies.append(ObjectDependency(id, on: ObjectID(.table, table), column: column))
                }
            case "w":
                let options = names(row.options)
                var view = View(name, row.definition ?? "", comment: row.comment)
                view.checkOption = options.first { $0.hasPrefix("check_option=") }.flatMap { ViewCheckOption(rawValue: String($0.dropFirst(13))) }
                view.securityBarrier = options.contains("security_barrier=true") || options.contains("security_barrier=on")
                view.securityInvoker = options.contains("security_invoker=true") || options.contains("security_invoker=on")
                schema.views.append(view)
                schema.catalog.objects[ObjectID(.view, name)] = CatalogObject(
                    .view(view), privileges: names(row.privileges), owner: row.owner, outputColumns: names(row.outputColumns))
            default:
                break
            }
        }
        readPartitions(partitionRows, into: &schema)
        // Types built on types: a domain's base type and a composite type's attribute types, as
        // format_type names them.
        let types = Dictionary(
            schema.domains.map { ($0.name, ObjectID(.domain, $0.name)) } + schema.compositeTypes.map { ($0.name, ObjectID(.compositeType, $0.name)) }
        ) { a, _ in a }
        func uses(_ typeName: String) -> ObjectID? { types[typeName] ?? types[typeName.trimmingCharacters(in: CharacterSet(charactersIn: "\""))] }
        for d in schema.domains {
            if let used = uses(d.type) { schema.catalog.dependencies.append(ObjectDependency(ObjectID(.domain, d.name), on: used)) }
        }
        for t in schema.compositeTypes {
            for a in t.attributes {
                if let used = uses(a.type) { schema.catalog.dependencies.append(ObjectDependency(ObjectID(.compositeType, t.name), on: used, column: a.name)) }
            }
        }
        // A sequence a column owns and uses as its default, named and set up as `serial` makes it, is
        // that column's `serial`; any other stays a sequence of its own and the default an expression.
        for s in ownedSequences {
            guard let owner = s.ownedBy, let t = tableAt[owner.table],
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
    }

    /// Partitioned tables' keys and their partitions, at every level (`r` rows: a partitioned table
    /// or partition with its key, a partition with its parent, bound and own indexes). A partition
    /// of a table Retort does not read (excluded, another schema) is left out with it.
    static func readPartitions(_ rows: [PostgresObjectRow], into schema: inout Schema) {
        guard !rows.isEmpty else { return }
        let children = Dictionary(grouping: rows.filter { $0.ownerTable != nil }, by: { $0.ownerTable! })
        let byName = Dictionary(rows.map { ($0.name, $0) }) { a, _ in a }
        func partitioning(_ name: String) -> Partitioning? {
            guard var p = byName[name]?.options.string.flatMap(PostgresPartitionSQL.parseKey) else { return nil }
            p.partitions = (children[name] ?? []).sorted { $0.name < $1.name }.compactMap { row in
                guard let bound = row.definition.flatMap(PostgresPartitionSQL.parseBound) else { return nil }
                let details = row.details.flatMap { try? JSONDecoder().decode(PostgresPartitionDetails.self, from: Data($0.utf8)) }
                return Partition(row.name, bound, partitioning: partitioning(row.name), indexes: (details?.indexes ?? []).map(\.index), comment: row.comment)
            }
            return p
        }
        for i in schema.tables.indices where byName[schema.tables[i].name] != nil {
            schema.tables[i].partitioning = partitioning(schema.tables[i].name)
        }
    }

    /// The graph's kind for a kind the edge rows name (`table`, `view`, `function`, `trigger`, …).
    static func graphKind(_ name: String) -> ObjectKind? { ObjectKind(rawValue: name) }

    /// The columns typed by a domain or composite type (`format_type` names it) use it: edges of the graph.
    static func noteColumns(typedBy id: ObjectID, in schema: inout Schema) {
        for t in schema.tables {
            for c in t.columns where PostgresDialect.typeSQL(c) == id.name || PostgresDialect.typeSQL(c) == SQLText.quote(id.name) {
                schema.catalog.dependencies.append(ObjectDependency(ObjectID(.table, t.name), on: id, column: c.name))
            }
        }
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
