CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE diary (id integer PRIMARY KEY, t_id integer REFERENCES t (id), feeling mood NOT NULL);
CREATE VIEW happy AS SELECT d.id, t.id AS t_id FROM diary d JOIN t ON t.id = d.t_id WHERE d.feeling = 'ok';
