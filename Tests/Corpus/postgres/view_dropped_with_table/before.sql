CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true, email text);
CREATE TABLE note (id integer PRIMARY KEY, body text);
CREATE VIEW notes_v AS SELECT body FROM note;
