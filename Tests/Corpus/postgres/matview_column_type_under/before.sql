CREATE TABLE payment (payment_id serial PRIMARY KEY, store_id integer NOT NULL, amount numeric(6,2) NOT NULL);
CREATE MATERIALIZED VIEW sales_by_store AS SELECT store_id, sum(amount) AS total FROM payment GROUP BY store_id;
CREATE UNIQUE INDEX sales_by_store_id ON sales_by_store (store_id);
