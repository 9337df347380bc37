CREATE TABLE t1 (id2 integer PRIMARY KEY, c6 text COLLATE "C");
CREATE TABLE t8 (c9 integer, c10 integer);
CREATE VIEW v18 AS SELECT id2 FROM t1;
