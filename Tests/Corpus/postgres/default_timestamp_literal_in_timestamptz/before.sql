CREATE TABLE t (id integer PRIMARY KEY, ts timestamptz);
