CREATE TABLE t (id integer PRIMARY KEY, ttl interval NOT NULL DEFAULT '1 day'::interval);
