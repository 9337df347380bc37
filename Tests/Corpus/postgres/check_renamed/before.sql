CREATE TABLE t (id integer PRIMARY KEY, qty integer CONSTRAINT old_name CHECK (qty BETWEEN 1 AND 9));
