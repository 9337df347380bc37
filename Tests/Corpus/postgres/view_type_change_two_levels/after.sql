CREATE TABLE customer (id bigint PRIMARY KEY, name varchar(200) NOT NULL, active boolean NOT NULL DEFAULT true, email text);
CREATE VIEW active_customers AS SELECT id, name FROM customer WHERE active;
CREATE VIEW active_names AS SELECT id, upper(name) AS loud FROM active_customers;
