CREATE TABLE p (id integer PRIMARY KEY, code text NOT NULL UNIQUE);
CREATE TABLE c (id integer PRIMARY KEY, k text NOT NULL UNIQUE, p_id integer REFERENCES p (id));
CREATE TABLE g (id integer PRIMARY KEY, c_id integer REFERENCES c (id));
