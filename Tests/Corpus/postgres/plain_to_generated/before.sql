CREATE TABLE t (id integer PRIMARY KEY, first text, last text, full_name text NOT NULL DEFAULT '');
CREATE INDEX t_full ON t (lower(full_name));
