CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer, CONSTRAINT new_fk FOREIGN KEY (p_id) REFERENCES p (id));
