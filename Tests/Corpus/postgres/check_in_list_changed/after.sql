CREATE TABLE t (id integer PRIMARY KEY, status text CONSTRAINT status_known CHECK (status IN ('new', 'done', 'lost')));
