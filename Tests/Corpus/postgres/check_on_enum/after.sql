CREATE TYPE s AS ENUM ('a', 'b', 'c');
CREATE TABLE t (id integer PRIMARY KEY, st s CONSTRAINT st_not_c CHECK (st <> 'c'));
