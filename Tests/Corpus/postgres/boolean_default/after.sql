CREATE TABLE t (id integer PRIMARY KEY, active boolean NOT NULL DEFAULT true);
