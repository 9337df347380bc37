CREATE TABLE t (id integer PRIMARY KEY, s varchar(30) DEFAULT 'x');
