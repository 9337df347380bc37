CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, deleted INTEGER);
CREATE INDEX t_live ON t (name) WHERE deleted = 0;
