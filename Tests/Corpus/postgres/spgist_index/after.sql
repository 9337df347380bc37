CREATE TABLE t (id integer PRIMARY KEY, path text);
CREATE INDEX t_path ON t USING spgist (path);
