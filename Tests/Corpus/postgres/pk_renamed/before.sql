CREATE TABLE t (id integer, CONSTRAINT old_pk PRIMARY KEY (id));
