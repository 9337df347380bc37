CREATE TABLE t (id integer PRIMARY KEY, at timestamp DEFAULT (now() AT TIME ZONE 'utc'));
