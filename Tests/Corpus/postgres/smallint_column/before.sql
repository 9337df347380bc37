CREATE TABLE t (id smallint PRIMARY KEY);
