CREATE TABLE t (id integer, parent integer);
