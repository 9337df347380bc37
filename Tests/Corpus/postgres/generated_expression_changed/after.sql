CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer GENERATED ALWAYS AS (a * 3) STORED CONSTRAINT b_small CHECK (b < 1000), UNIQUE (id, b));
CREATE INDEX t_b ON t (b) WHERE b > 0;
COMMENT ON COLUMN t.b IS 'twice';
