CREATE TABLE t (id integer PRIMARY KEY, qty integer);
CREATE INDEX t_qty ON t (qty) WHERE qty > 10;
