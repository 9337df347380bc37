CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE INDEX new_ix ON t (a);
