CREATE TABLE film (film_id INTEGER PRIMARY KEY, title TEXT NOT NULL, last_update TEXT);
CREATE TRIGGER film_touch AFTER UPDATE ON film BEGIN UPDATE film SET last_update = datetime('now') WHERE film_id = NEW.film_id; END;
