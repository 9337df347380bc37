CREATE TYPE st AS ENUM ('x', 'y');
CREATE TABLE t (id integer PRIMARY KEY, s st);
