CREATE TYPE level AS ENUM ('a', 'b');
CREATE TABLE t1 (id integer PRIMARY KEY, l level);
CREATE TABLE t2 (id integer PRIMARY KEY, l level NOT NULL DEFAULT 'b');
