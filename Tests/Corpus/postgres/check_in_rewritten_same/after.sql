CREATE TABLE t (id integer PRIMARY KEY, s text CONSTRAINT s_known CHECK (s = ANY (ARRAY['a'::text, 'b'::text])));
