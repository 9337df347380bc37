CREATE TABLE t (id integer PRIMARY KEY, qty integer CONSTRAINT qty_range CHECK (qty BETWEEN 1 AND 9));
