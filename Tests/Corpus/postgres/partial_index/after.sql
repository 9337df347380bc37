CREATE TABLE t (id integer PRIMARY KEY, name text, deleted boolean);
CREATE INDEX t_live ON t (name) WHERE NOT deleted;
