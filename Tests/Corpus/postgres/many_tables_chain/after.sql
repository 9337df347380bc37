CREATE TABLE t1 (id integer PRIMARY KEY);
CREATE TABLE t2 (id integer PRIMARY KEY, t1_id integer REFERENCES t1 (id));
CREATE TABLE t3 (id integer PRIMARY KEY, t2_id integer REFERENCES t2 (id));
CREATE TABLE t4 (id integer PRIMARY KEY, t3_id integer REFERENCES t3 (id));
CREATE TABLE t5 (id integer PRIMARY KEY, t4_id integer REFERENCES t4 (id), t1_id integer REFERENCES t1 (id));
