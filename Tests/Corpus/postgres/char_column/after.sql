CREATE TABLE t (id integer PRIMARY KEY, country character(2) NOT NULL DEFAULT 'ES');
