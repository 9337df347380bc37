CREATE TABLE p (id integer, code text NOT NULL, CONSTRAINT p_pkey PRIMARY KEY (id, code), CONSTRAINT p_code_key UNIQUE (code), CONSTRAINT p_id_key UNIQUE (id));
CREATE TABLE c (id integer PRIMARY KEY, p_id integer REFERENCES p (id));
