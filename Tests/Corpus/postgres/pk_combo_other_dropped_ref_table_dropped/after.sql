CREATE TABLE p (id integer NOT NULL, code text NOT NULL, CONSTRAINT p_code_key UNIQUE (code));
