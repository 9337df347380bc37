CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
CREATE INDEX t_ab ON t (a, b);
