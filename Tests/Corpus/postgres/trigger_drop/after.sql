CREATE TABLE film (film_id serial PRIMARY KEY, last_update timestamptz);
