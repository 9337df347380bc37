CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true, email text);
CREATE VIEW some_customers AS SELECT customer.id, customer.name FROM customer WHERE customer.id >= 1 AND customer.id <= 10;
create view named_customers as select ID from CUSTOMER where NAME = any (array['a'::text, 'b'::text]);
