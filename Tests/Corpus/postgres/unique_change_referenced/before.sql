CREATE TABLE p (id integer PRIMARY KEY, code text CONSTRAINT p_code_key UNIQUE);
CREATE TABLE c (id integer PRIMARY KEY, p_code text REFERENCES p (code));
