CREATE DOMAIN code AS varchar(20);
CREATE TABLE t (id integer PRIMARY KEY);
