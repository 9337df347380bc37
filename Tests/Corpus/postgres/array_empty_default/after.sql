CREATE TABLE t (id integer PRIMARY KEY, ids integer[] NOT NULL DEFAULT '{}'::integer[]);
