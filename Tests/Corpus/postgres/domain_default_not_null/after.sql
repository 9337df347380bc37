CREATE DOMAIN code AS varchar(10) DEFAULT 'none' NOT NULL;
COMMENT ON DOMAIN code IS 'short codes';
CREATE TABLE t (id integer PRIMARY KEY, c code);
