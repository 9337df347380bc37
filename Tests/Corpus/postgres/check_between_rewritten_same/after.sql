CREATE TABLE t (id integer PRIMARY KEY, qty integer CONSTRAINT qty_range CHECK (qty >= 1 AND qty <= 9));
