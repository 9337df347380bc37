CREATE TABLE t (id integer PRIMARY KEY, amount numeric DEFAULT 1.5, ratio numeric NOT NULL DEFAULT '0.25', n numeric DEFAULT 7);
