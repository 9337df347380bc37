CREATE TABLE t (id integer PRIMARY KEY, amount numeric(10,2));
