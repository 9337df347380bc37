CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE SEQUENCE my_counter START 7 OWNED BY t.n;
ALTER TABLE t ALTER COLUMN n SET DEFAULT nextval('my_counter');
