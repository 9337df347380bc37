CREATE TYPE address AS (street text, zip varchar(20), city text);
COMMENT ON TYPE address IS 'changed';
CREATE TABLE customer (id integer PRIMARY KEY);
