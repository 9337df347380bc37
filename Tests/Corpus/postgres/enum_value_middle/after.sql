CREATE TYPE mood AS ENUM ('sad', 'ok', 'meh', 'happy', 'ecstatic');
CREATE TABLE t (id integer PRIMARY KEY, m mood);
