CREATE TABLE t (id integer PRIMARY KEY, token text);
CREATE INDEX t_token ON t USING hash (token);
