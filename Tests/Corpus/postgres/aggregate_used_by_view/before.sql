CREATE TABLE actor (actor_id serial PRIMARY KEY, name text NOT NULL);
