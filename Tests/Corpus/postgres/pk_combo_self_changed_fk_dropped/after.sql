CREATE TABLE t (id integer NOT NULL, code text NOT NULL, parent_id integer, parent_code text, CONSTRAINT t_pkey PRIMARY KEY (code), CONSTRAINT t_code_key UNIQUE (code));
