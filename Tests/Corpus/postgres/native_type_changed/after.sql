CREATE TABLE t (id integer PRIMARY KEY, ip inet);
