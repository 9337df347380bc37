CREATE TABLE a (id integer PRIMARY KEY, c_id integer);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id));
CREATE TABLE c (id integer PRIMARY KEY, b_id integer REFERENCES b (id));
ALTER TABLE a ADD CONSTRAINT a_c_id_fkey FOREIGN KEY (c_id) REFERENCES c (id);
