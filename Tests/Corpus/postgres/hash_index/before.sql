CREATE TABLE t (id integer PRIMARY KEY, token text);
