CREATE TABLE payment (payment_id serial PRIMARY KEY, store_id integer NOT NULL, amount numeric(6,2) NOT NULL);
