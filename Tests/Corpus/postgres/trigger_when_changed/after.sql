CREATE TABLE film (film_id serial PRIMARY KEY, rental_rate numeric(4,2), last_update timestamptz);
CREATE FUNCTION last_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_update := now(); RETURN NEW; END $$;
CREATE TRIGGER film_rate_changed BEFORE UPDATE ON film FOR EACH ROW
    WHEN (NEW.rental_rate > OLD.rental_rate) EXECUTE FUNCTION last_updated();
CREATE TRIGGER film_touch BEFORE UPDATE ON film FOR EACH ROW EXECUTE FUNCTION last_updated();
ALTER TABLE film ENABLE ALWAYS TRIGGER film_touch;
