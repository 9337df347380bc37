CREATE TABLE t (id integer PRIMARY KEY, code text, name varchar(40));
CREATE INDEX t_code ON t (code);
