CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true, email text);
CREATE VIEW active_customers AS SELECT id, name, email FROM customer WHERE active;
CREATE VIEW active_names AS SELECT name FROM active_customers;
