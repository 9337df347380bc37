CREATE TABLE t (id integer PRIMARY KEY, name text, extra integer);
CREATE VIEW v AS SELECT id, name FROM t;
