CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE);
CREATE TABLE c (id integer PRIMARY KEY, code text REFERENCES p (code) ON UPDATE CASCADE);
