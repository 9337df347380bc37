CREATE TABLE t (id integer PRIMARY KEY, code text);
CREATE UNIQUE INDEX t_code_key2 ON t (code);
