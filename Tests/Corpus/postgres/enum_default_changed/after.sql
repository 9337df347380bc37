CREATE TYPE s AS ENUM ('a', 'b');
CREATE TABLE t (id integer PRIMARY KEY, st s DEFAULT 'b');
