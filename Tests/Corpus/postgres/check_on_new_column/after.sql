CREATE TABLE t (id integer PRIMARY KEY, pct integer CONSTRAINT pct_range CHECK (pct >= 0 AND pct <= 100));
