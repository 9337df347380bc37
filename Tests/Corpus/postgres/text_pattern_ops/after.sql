CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE INDEX t_name_prefix ON t (name text_pattern_ops);
