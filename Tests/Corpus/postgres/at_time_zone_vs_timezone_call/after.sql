CREATE TABLE t (id integer PRIMARY KEY, at timestamptz CONSTRAINT at_ok CHECK (timezone('UTC', at) > '2000-01-01 00:00:00'::timestamp without time zone));
