CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE);
