CREATE TABLE p (id integer NOT NULL UNIQUE, code text PRIMARY KEY);
CREATE TABLE c (id integer NOT NULL, k text PRIMARY KEY, p_code text REFERENCES p (code));
CREATE TABLE g (id integer PRIMARY KEY, c_k text REFERENCES c (k));
