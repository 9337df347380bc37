CREATE TABLE t (id integer PRIMARY KEY, code text, name text COLLATE "C");
CREATE INDEX t_code ON t (code COLLATE "C" text_pattern_ops DESC);
CREATE INDEX t_name ON t (name COLLATE "POSIX", code);
