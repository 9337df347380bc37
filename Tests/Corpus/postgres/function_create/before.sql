CREATE TABLE film (film_id serial PRIMARY KEY, title text NOT NULL, rental_rate numeric(4,2) DEFAULT 4.99);
