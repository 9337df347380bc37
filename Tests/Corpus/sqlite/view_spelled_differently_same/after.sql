CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active integer NOT NULL DEFAULT 1, email text);
CREATE VIEW "active_customers" AS
  select ID, NAME
  from CUSTOMER
  where ACTIVE;
