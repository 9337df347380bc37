CREATE TABLE t (id integer PRIMARY KEY, code varchar(20));
CREATE INDEX t_code ON t (code varchar_pattern_ops DESC);
