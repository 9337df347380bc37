CREATE TABLE t (id integer PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
