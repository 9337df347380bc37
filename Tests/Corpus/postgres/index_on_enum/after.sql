CREATE TYPE s AS ENUM ('a', 'b');
CREATE TABLE t (id integer PRIMARY KEY, st s);
CREATE INDEX t_st_b ON t (id) WHERE st = 'b';
