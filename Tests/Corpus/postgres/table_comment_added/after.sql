CREATE TABLE t (id integer PRIMARY KEY);
COMMENT ON TABLE t IS 'the t table';
