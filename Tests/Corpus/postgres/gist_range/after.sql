CREATE TABLE t (id integer PRIMARY KEY, during tsrange);
CREATE INDEX t_during ON t USING gist (during);
