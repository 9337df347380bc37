CREATE TABLE p (id integer NOT NULL, code text NOT NULL, CONSTRAINT p_code_key UNIQUE (code));
CREATE TABLE c (id integer PRIMARY KEY, p_code text);
