CREATE TABLE t (id integer PRIMARY KEY, a numeric, b integer, c boolean, d text);
