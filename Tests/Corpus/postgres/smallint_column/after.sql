CREATE TABLE t (id smallint PRIMARY KEY, rank smallint DEFAULT 3);
