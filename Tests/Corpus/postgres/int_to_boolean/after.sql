CREATE TABLE t (id integer PRIMARY KEY, flag boolean);
