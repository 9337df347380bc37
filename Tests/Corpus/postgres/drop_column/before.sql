CREATE TABLE t (id integer PRIMARY KEY, old text, keep text);
