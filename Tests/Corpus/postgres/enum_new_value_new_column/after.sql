CREATE TYPE state AS ENUM ('draft', 'live', 'gone');
CREATE TABLE t (id integer PRIMARY KEY, s state, s2 state NOT NULL DEFAULT 'gone');
