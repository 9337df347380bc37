CREATE TYPE mood AS ENUM ('ok', 'glad');
CREATE TABLE t (id integer PRIMARY KEY, m mood);
