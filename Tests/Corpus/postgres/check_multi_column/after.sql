CREATE TABLE t (id integer PRIMARY KEY, lo integer, hi integer, CONSTRAINT lo_le_hi CHECK (lo <= hi AND lo IS NOT NULL));
