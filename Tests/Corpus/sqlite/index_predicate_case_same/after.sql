CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER);
CREATE INDEX t_a ON t (a) WHERE ("A" > 0 and A is not null);
