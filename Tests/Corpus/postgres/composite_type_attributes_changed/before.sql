CREATE TYPE address AS (street text, zip varchar(10), old_code integer);
CREATE TABLE customer (id integer PRIMARY KEY);
