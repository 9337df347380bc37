CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE INDEX t_a ON t (a) WITH (fillfactor = 90);
