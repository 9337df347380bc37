CREATE TABLE film (film_id serial PRIMARY KEY, length integer);
CREATE FUNCTION film_length(id integer) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT length FROM film WHERE film_id = id $$;
CREATE VIEW long_films AS SELECT film_id FROM film WHERE film_length(film_id) > 120;
CREATE VIEW long_film_count AS SELECT count(*) AS n FROM long_films;
GRANT SELECT ON long_films TO PUBLIC;
