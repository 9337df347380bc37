CREATE TABLE t (id integer primary key, v any) strict;
