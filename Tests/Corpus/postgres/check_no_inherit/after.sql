CREATE TABLE t (id integer PRIMARY KEY, qty integer CONSTRAINT qty_pos CHECK (qty > 0) NO INHERIT);
