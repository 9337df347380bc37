CREATE TABLE film (id integer PRIMARY KEY);
