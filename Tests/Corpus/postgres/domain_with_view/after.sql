CREATE DOMAIN year AS integer CHECK (VALUE > 1900);
CREATE TABLE film (id integer PRIMARY KEY, release_year year);
CREATE VIEW recent AS SELECT id FROM film WHERE release_year > 2000;
CREATE TABLE t (id integer PRIMARY KEY);
