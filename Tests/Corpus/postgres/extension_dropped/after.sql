CREATE EXTENSION citext;
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email citext UNIQUE);
