CREATE TABLE t1 (id integer PRIMARY KEY);
CREATE TABLE t2 (id integer PRIMARY KEY, t1_id integer REFERENCES t1 (id));
CREATE TABLE t3 (id integer PRIMARY KEY, t2_id integer REFERENCES t2 (id));
