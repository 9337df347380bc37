CREATE TABLE film (film_id serial PRIMARY KEY, rental_rate numeric(6,2), last_update timestamptz);
CREATE FUNCTION last_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_update := now(); RETURN NEW; END $$;
CREATE TRIGGER film_rate_changed BEFORE UPDATE OF rental_rate ON film FOR EACH ROW
    WHEN (OLD.rental_rate IS DISTINCT FROM NEW.rental_rate) EXECUTE FUNCTION last_updated();
CREATE VIEW cheap AS SELECT film_id FROM film WHERE rental_rate < 1;
