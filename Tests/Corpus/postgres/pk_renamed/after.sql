CREATE TABLE t (id integer, CONSTRAINT new_pk PRIMARY KEY (id));
