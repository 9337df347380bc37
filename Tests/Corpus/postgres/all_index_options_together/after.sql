CREATE TABLE t (id integer PRIMARY KEY, a text, b integer, c integer);
CREATE UNIQUE INDEX t_everything ON t (a text_pattern_ops DESC NULLS LAST, (b + 1)) INCLUDE (c) NULLS NOT DISTINCT WITH (fillfactor = 60) WHERE c > 0;
COMMENT ON INDEX t_everything IS 'everything';
