CREATE TABLE t (id integer PRIMARY KEY, during tsrange);
