CREATE TABLE t (id integer UNIQUE NOT NULL, code text PRIMARY KEY, parent integer CONSTRAINT t_parent_fk2 REFERENCES t (id));
