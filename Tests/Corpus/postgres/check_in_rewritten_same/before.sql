CREATE TABLE t (id integer PRIMARY KEY, s text CONSTRAINT s_known CHECK (s IN ('a', 'b')));
