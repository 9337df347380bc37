CREATE TABLE t (id integer PRIMARY KEY, delta integer DEFAULT -1, ratio numeric(5,2) DEFAULT -0.5, big bigint DEFAULT -9000000000);
