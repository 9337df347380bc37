CREATE TABLE p (id integer PRIMARY KEY, code text);
CREATE UNIQUE INDEX p_code_uix ON p (code);
CREATE TABLE c (id integer PRIMARY KEY, code text REFERENCES p (code));
