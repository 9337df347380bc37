CREATE TABLE t (id integer PRIMARY KEY, payload bytea);
