CREATE TABLE t1 (id integer PRIMARY KEY, c8 interval);
INSERT INTO t1 VALUES (1, '1 day'), (2, NULL);
