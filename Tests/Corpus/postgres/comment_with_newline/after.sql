CREATE TABLE t (id integer PRIMARY KEY);
COMMENT ON TABLE t IS E'line one\nline two';
