CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true, email text);
CREATE VIEW contacts AS SELECT id, name, email FROM customer;
