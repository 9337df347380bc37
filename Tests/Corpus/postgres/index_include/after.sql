CREATE TABLE t (id integer PRIMARY KEY, a integer, b text, c text);
CREATE UNIQUE INDEX t_a_cover ON t (a) INCLUDE (b, c);
