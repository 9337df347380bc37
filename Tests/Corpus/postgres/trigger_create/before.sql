CREATE TABLE film (film_id serial PRIMARY KEY, title text NOT NULL, rental_rate numeric(4,2), last_update timestamptz NOT NULL DEFAULT now());
CREATE TABLE actor (actor_id serial PRIMARY KEY, name text NOT NULL, last_update timestamptz NOT NULL DEFAULT now());
CREATE TABLE audit (at timestamptz DEFAULT now(), what text, n bigint);
CREATE FUNCTION last_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_update := now(); RETURN NEW; END $$;
CREATE FUNCTION audit_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit (what, n) SELECT TG_ARGV[0], count(*) FROM new_rows;
    RETURN NULL;
END
$$;
CREATE FUNCTION check_rate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
