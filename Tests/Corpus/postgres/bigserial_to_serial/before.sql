CREATE TABLE t (id bigserial PRIMARY KEY, name text);
INSERT INTO t (name) VALUES ('a');
