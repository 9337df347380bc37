CREATE TABLE t (id integer PRIMARY KEY, code text COLLATE "C", name varchar(40) COLLATE "POSIX");
CREATE INDEX t_code ON t (code);
