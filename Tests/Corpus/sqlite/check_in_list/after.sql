CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, CONSTRAINT s_known CHECK (s IN ('a', 'b', 'it''s')));
