CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true, email text);
CREATE VIEW active_customers WITH (security_barrier = true) AS SELECT id, name, active FROM customer WHERE active WITH CASCADED CHECK OPTION;
