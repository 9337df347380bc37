CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true, email text);
CREATE VIEW active_customers AS SELECT name, id FROM customer WHERE active;
CREATE VIEW active_names AS SELECT name FROM active_customers;
