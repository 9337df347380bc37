CREATE TABLE t (id integer PRIMARY KEY, a integer UNIQUE);
CREATE INDEX t_a_desc ON t (a DESC);
