CREATE TABLE t (id integer PRIMARY KEY, a numeric(10, 2), b integer, c boolean, d text);
