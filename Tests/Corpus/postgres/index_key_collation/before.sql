CREATE TABLE t (id integer PRIMARY KEY, code text, name text COLLATE "C");
CREATE INDEX t_code ON t (code);
CREATE INDEX t_name ON t (name);
