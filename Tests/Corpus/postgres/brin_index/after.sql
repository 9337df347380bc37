CREATE TABLE t (id integer PRIMARY KEY, at timestamp);
CREATE INDEX t_at_brin ON t USING brin (at) WITH (pages_per_range = 32);
