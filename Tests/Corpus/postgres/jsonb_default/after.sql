CREATE TABLE t (id integer PRIMARY KEY, data jsonb NOT NULL DEFAULT '{}'::jsonb);
