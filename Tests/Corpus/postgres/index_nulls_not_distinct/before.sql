CREATE TABLE t (id integer PRIMARY KEY, code text);
CREATE UNIQUE INDEX t_code ON t (code);
