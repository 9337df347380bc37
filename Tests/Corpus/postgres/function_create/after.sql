CREATE TABLE film (film_id serial PRIMARY KEY, title text NOT NULL, rental_rate numeric(4,2) DEFAULT 4.99);
CREATE FUNCTION last_day(timestamp with time zone) RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT (date_trunc('month', $1) + interval '1 month - 1 day')::date $$;
COMMENT ON FUNCTION last_day(timestamp with time zone) IS 'The last day of the month';
CREATE FUNCTION films_cheaper(p_rate numeric DEFAULT 1.0, OUT film_id integer, OUT title text) RETURNS SETOF record
    LANGUAGE sql STABLE AS $$ SELECT film_id, title FROM film WHERE rental_rate < p_rate $$;
CREATE FUNCTION all_films() RETURNS SETOF film LANGUAGE sql AS $$ SELECT * FROM film $$;
CREATE FUNCTION film_titles(prefix text) RETURNS TABLE(id integer, title text) LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp SET work_mem = '64MB'
    AS $body$
BEGIN
    RETURN QUERY SELECT f.film_id, f.title FROM film f WHERE f.title LIKE prefix || '%';
END
$body$;
CREATE FUNCTION sum_all(VARIADIC nums integer[]) RETURNS bigint LANGUAGE sql IMMUTABLE LEAKPROOF AS 'SELECT sum(n) FROM unnest(nums) n';
CREATE PROCEDURE reprice(p_factor numeric) LANGUAGE sql AS $$ UPDATE film SET rental_rate = rental_rate * p_factor $$;
