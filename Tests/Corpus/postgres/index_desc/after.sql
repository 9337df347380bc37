CREATE TABLE t (id integer PRIMARY KEY, at timestamp);
CREATE INDEX t_at ON t (at DESC);
