CREATE TABLE film (film_id INTEGER PRIMARY KEY, title TEXT NOT NULL, rental_rate NUMERIC, last_update TEXT);
