CREATE TABLE t (id integer PRIMARY KEY, email text UNIQUE);
