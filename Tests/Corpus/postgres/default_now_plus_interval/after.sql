CREATE TABLE t (id integer PRIMARY KEY, expires timestamptz DEFAULT now() + '30 days'::interval);
