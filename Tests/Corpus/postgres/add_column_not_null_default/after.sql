CREATE TABLE t (id integer PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'new');
