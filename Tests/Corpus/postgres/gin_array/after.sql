CREATE TABLE t (id integer PRIMARY KEY, tags text[]);
CREATE INDEX t_tags ON t USING gin (tags);
