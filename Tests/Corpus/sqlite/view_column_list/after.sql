CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active integer NOT NULL DEFAULT 1, email text);
CREATE VIEW named (who, n) AS SELECT name, id FROM customer;
