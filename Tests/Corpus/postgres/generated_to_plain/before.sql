CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer GENERATED ALWAYS AS (a + 1) STORED);
CREATE INDEX t_b ON t (b);
