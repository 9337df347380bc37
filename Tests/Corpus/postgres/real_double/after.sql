CREATE TABLE t (id integer PRIMARY KEY, a double precision, b real DEFAULT 1.5);
