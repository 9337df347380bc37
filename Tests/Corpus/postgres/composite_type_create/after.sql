CREATE TYPE address AS (street text, zip varchar(10));
COMMENT ON TYPE address IS 'where to send it';
CREATE TABLE customer (id integer PRIMARY KEY, home address);
