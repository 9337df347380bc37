CREATE TABLE t (id integer PRIMARY KEY, a integer, b bigint GENERATED ALWAYS AS ((a*2)+1) STORED);
