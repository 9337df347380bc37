CREATE TABLE t (id integer PRIMARY KEY, data json, extra json DEFAULT '[]');
