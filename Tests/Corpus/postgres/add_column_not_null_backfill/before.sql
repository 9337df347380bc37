CREATE TABLE t3 (id4 integer PRIMARY KEY, c8 real);
INSERT INTO t3 VALUES (1, NULL), (2, 2), (3, 3);
