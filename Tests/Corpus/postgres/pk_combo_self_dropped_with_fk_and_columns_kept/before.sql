CREATE TABLE t (id integer PRIMARY KEY, parent integer REFERENCES t (id));
