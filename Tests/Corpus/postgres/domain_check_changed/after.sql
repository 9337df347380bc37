CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE BETWEEN 1800 AND 2200) CONSTRAINT year_even CHECK (VALUE % 2 = 0);
CREATE TABLE film (id integer PRIMARY KEY, release_year year);
