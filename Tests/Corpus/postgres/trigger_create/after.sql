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
CREATE TRIGGER last_updated BEFORE UPDATE ON film FOR EACH ROW EXECUTE FUNCTION last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON actor FOR EACH ROW EXECUTE FUNCTION last_updated();
COMMENT ON TRIGGER last_updated ON actor IS 'keeps last_update current';
CREATE TRIGGER film_rate_changed BEFORE UPDATE OF rental_rate ON film FOR EACH ROW
    WHEN (OLD.rental_rate IS DISTINCT FROM NEW.rental_rate) EXECUTE FUNCTION last_updated();
CREATE TRIGGER film_inserted AFTER INSERT ON film REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION audit_rows('film''s rows', 'x\y');
CREATE CONSTRAINT TRIGGER film_rate_check AFTER INSERT OR UPDATE ON film DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION check_rate();
CREATE TRIGGER actor_quiet AFTER DELETE ON actor FOR EACH ROW EXECUTE FUNCTION check_rate();
ALTER TABLE actor DISABLE TRIGGER actor_quiet;
