CREATE TABLE t (id INTEGER PRIMARY KEY, qty INTEGER, CONSTRAINT qty_range CHECK (qty   >   0 and "qty" < 100));
