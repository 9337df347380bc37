CREATE SEQUENCE countdown AS integer INCREMENT BY -1;
CREATE TABLE t (id integer PRIMARY KEY, n integer DEFAULT nextval('countdown'));
