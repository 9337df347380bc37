CREATE TABLE t (id integer PRIMARY KEY, qty integer);
ALTER TABLE t ADD CONSTRAINT qty_pos CHECK (qty > 0) NOT VALID;
