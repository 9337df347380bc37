CREATE TABLE t (id integer PRIMARY KEY, a integer, CONSTRAINT old_u UNIQUE (a));
