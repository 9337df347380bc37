CREATE TYPE state AS ENUM ('new', 'draft', 'live');
CREATE TABLE t (id integer PRIMARY KEY, s state NOT NULL DEFAULT 'new');
