CREATE TABLE p (id integer NOT NULL, code text NOT NULL, CONSTRAINT p_pkey PRIMARY KEY (id), CONSTRAINT p_code_key UNIQUE (code));
CREATE TABLE c (id integer PRIMARY KEY, p_id integer, p_code text, CONSTRAINT c_p_fkey FOREIGN KEY (p_id) REFERENCES p (id));
INSERT INTO p VALUES (1, 'a'); INSERT INTO c VALUES (1, 1, 'a');
