CREATE TABLE p1 (id integer PRIMARY KEY);
CREATE TABLE p2 (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p1 (id));
