CREATE TABLE t (id integer PRIMARY KEY, token uuid NOT NULL DEFAULT gen_random_uuid());
