CREATE TABLE t (id integer PRIMARY KEY, a text, a_lower text GENERATED ALWAYS AS (lower(a)) STORED);
