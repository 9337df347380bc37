CREATE TABLE p (id integer NOT NULL, code text NOT NULL, CONSTRAINT p_id_key UNIQUE (id), CONSTRAINT p_pkey PRIMARY KEY (code));
CREATE TABLE c (id integer PRIMARY KEY, p_id integer, p_code text, CONSTRAINT c_parent_fk FOREIGN KEY (p_id) REFERENCES p (id));
