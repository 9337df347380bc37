CREATE TABLE t (id integer PRIMARY KEY, a integer);
COMMENT ON COLUMN t.a IS 'the new a';
