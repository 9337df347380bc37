CREATE TABLE film (film_id INTEGER PRIMARY KEY, title TEXT NOT NULL, rental_rate NUMERIC, last_update TEXT);
CREATE TRIGGER film_touch AFTER UPDATE ON film FOR EACH ROW BEGIN UPDATE film SET last_update = datetime('now') WHERE film_id = NEW.film_id; END;
CREATE TRIGGER film_rate AFTER UPDATE OF rental_rate ON film WHEN NEW.rental_rate > OLD.rental_rate
BEGIN
  UPDATE film SET title = title || ' (dearer)' WHERE film_id = NEW.film_id;
END;
