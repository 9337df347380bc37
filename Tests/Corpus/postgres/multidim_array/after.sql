CREATE TABLE t (id integer PRIMARY KEY, grid integer[][]);
