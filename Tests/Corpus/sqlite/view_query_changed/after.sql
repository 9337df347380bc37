CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active integer NOT NULL DEFAULT 1, email text);
CREATE VIEW active_customers AS SELECT id, name, email FROM customer WHERE active AND email IS NOT NULL;
