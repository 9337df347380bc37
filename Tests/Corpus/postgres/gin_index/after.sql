CREATE TABLE t (id integer PRIMARY KEY, doc jsonb);
CREATE INDEX t_doc ON t USING gin (doc);
