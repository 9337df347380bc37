CREATE TABLE t (id integer PRIMARY KEY, a integer CONSTRAINT t_a_key UNIQUE);
