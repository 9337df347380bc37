CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE TABLE t (id integer PRIMARY KEY, qty positive_int);
