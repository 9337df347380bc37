CREATE TABLE t (id integer PRIMARY KEY, amount numeric(10,2) CONSTRAINT amount_cap CHECK (amount::integer < 1000));
