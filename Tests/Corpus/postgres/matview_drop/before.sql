CREATE TABLE payment (payment_id serial PRIMARY KEY, amount numeric(6,2) NOT NULL);
CREATE MATERIALIZED VIEW total AS SELECT sum(amount) AS total FROM payment;
