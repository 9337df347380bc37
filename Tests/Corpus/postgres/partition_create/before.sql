CREATE TABLE customer (customer_id serial PRIMARY KEY, name text NOT NULL);
