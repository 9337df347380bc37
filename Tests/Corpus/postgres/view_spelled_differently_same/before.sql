CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true, email text);
CREATE VIEW some_customers AS SELECT id, name FROM customer WHERE id BETWEEN 1 AND 10;
CREATE VIEW named_customers AS SELECT id FROM customer WHERE name IN ('a', 'b');
