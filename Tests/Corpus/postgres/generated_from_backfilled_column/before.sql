CREATE TABLE t1 (k2 text NOT NULL PRIMARY KEY, k3 bigint NOT NULL, "dash-5" integer DEFAULT -1);
INSERT INTO t1 VALUES ('a', 1, NULL), ('b', 2, NULL);
