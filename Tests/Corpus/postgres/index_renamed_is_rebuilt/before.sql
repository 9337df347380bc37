CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE INDEX old_ix ON t (a);
