CREATE TABLE t (id integer PRIMARY KEY, name text, qty integer);
CREATE INDEX t_mixed ON t (name, (qty * 2)) WHERE qty BETWEEN 1 AND 5;
