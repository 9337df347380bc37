CREATE TABLE t (id integer PRIMARY KEY, a integer NOT NULL, b integer GENERATED ALWAYS AS (a * 2) STORED);
