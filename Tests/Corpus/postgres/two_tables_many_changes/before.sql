CREATE TABLE a (id integer PRIMARY KEY, x text, y integer DEFAULT 1);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id), z text);
CREATE INDEX b_z ON b (z);
