CREATE TABLE t (id integer PRIMARY KEY, at timestamp NOT NULL DEFAULT '0001-01-01 00:00:00'::timestamp without time zone);
