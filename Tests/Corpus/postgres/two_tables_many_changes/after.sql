CREATE TABLE a (id integer PRIMARY KEY, x text NOT NULL, y bigint DEFAULT 2, w boolean);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id) ON DELETE CASCADE, z varchar(50));
CREATE INDEX b_z ON b (z DESC);
COMMENT ON TABLE b IS 'b';
