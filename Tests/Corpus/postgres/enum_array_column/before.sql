CREATE TYPE tag AS ENUM ('a', 'b');
CREATE TABLE t (id integer PRIMARY KEY);
