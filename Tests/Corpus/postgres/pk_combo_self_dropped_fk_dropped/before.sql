CREATE TABLE t (id integer NOT NULL, code text NOT NULL, parent_id integer, parent_code text, CONSTRAINT t_pkey PRIMARY KEY (id), CONSTRAINT t_code_key UNIQUE (code), CONSTRAINT t_parent_fkey FOREIGN KEY (parent_id) REFERENCES t (id));
INSERT INTO t VALUES (1, 'a', NULL, NULL), (2, 'b', 1, 'a');
