CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT ab CHECK (CASE WHEN a IS NULL THEN b IS NOT NULL ELSE coalesce(b, 0) >= 0 END));
