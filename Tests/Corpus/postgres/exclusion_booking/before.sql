CREATE TABLE room (id integer PRIMARY KEY, name text NOT NULL);
