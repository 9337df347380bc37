CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW contacts AS SELECT id, name FROM customer;
