CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true, email text);
