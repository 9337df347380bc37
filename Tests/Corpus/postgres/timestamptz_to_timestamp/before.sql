CREATE TABLE t (id integer PRIMARY KEY, at timestamptz DEFAULT now());
