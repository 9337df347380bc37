CREATE TABLE film (film_id INTEGER PRIMARY KEY, title TEXT NOT NULL, last_update TEXT);
CREATE TRIGGER film_touch AFTER UPDATE ON film BEGIN UPDATE film SET last_update = 'x' WHERE film_id = NEW.film_id; END;
CREATE TRIGGER film_gone BEFORE DELETE ON film BEGIN SELECT 1; END;
