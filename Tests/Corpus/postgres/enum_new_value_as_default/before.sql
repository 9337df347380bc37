CREATE TYPE state AS ENUM ('draft', 'live');
CREATE TABLE t (id integer PRIMARY KEY, s state NOT NULL DEFAULT 'draft');
