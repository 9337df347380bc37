CREATE TABLE t (id integer PRIMARY KEY, st text);
