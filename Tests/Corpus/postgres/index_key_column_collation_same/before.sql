CREATE TABLE t (id integer PRIMARY KEY, name text COLLATE "C");
CREATE INDEX t_name ON t (name COLLATE "C");
