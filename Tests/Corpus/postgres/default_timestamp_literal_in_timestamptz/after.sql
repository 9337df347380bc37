CREATE TABLE t (id integer PRIMARY KEY, ts timestamptz DEFAULT timestamp '2024-01-01 00:00:00');
