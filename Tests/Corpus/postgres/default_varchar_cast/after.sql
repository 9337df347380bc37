CREATE TABLE t (id integer PRIMARY KEY, s varchar(10) DEFAULT 'b'::character varying);
