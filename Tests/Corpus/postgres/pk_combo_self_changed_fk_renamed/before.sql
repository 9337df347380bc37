CREATE TABLE t (id integer PRIMARY KEY, code text NOT NULL UNIQUE, parent integer CONSTRAINT t_parent_fk REFERENCES t (id));
