CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active integer NOT NULL DEFAULT 1, email text);
CREATE VIEW z_base AS SELECT id, name FROM customer WHERE active;
CREATE VIEW a_top AS SELECT name FROM z_base;
