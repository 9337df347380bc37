CREATE TYPE s AS ENUM ('a', 'b', 'c');
CREATE TABLE t (id integer PRIMARY KEY, st s);
