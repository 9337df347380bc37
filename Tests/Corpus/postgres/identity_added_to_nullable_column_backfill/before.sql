CREATE TABLE t1 (id2 bigint PRIMARY KEY, ref6 bigint);
INSERT INTO t1 VALUES (1, NULL), (2, 2);
