CREATE TYPE mood AS ENUM ('ok', 'happy');
CREATE TABLE t (id integer PRIMARY KEY);
