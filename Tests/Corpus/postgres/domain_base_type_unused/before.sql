CREATE DOMAIN code AS varchar(10);
CREATE TABLE t (id integer PRIMARY KEY);
