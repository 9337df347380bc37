CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
CREATE TABLE t (id integer PRIMARY KEY, m mood);
