CREATE TYPE pair AS (b text, a integer);
CREATE TABLE t (id integer PRIMARY KEY);
