CREATE TABLE t (id integer PRIMARY KEY, a integer, CONSTRAINT new_u UNIQUE (a));
