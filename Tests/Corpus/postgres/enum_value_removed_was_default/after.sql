CREATE TYPE mood AS ENUM ('ok');
CREATE TABLE t (id integer PRIMARY KEY, m mood DEFAULT 'ok');
