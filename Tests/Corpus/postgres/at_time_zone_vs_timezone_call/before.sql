CREATE TABLE t (id integer PRIMARY KEY, at timestamptz CONSTRAINT at_ok CHECK ((at AT TIME ZONE 'UTC') > '2000-01-01'));
