CREATE TABLE t1 (id integer PRIMARY KEY, c8 text, c14 text GENERATED ALWAYS AS (lower(c8)) STORED);
