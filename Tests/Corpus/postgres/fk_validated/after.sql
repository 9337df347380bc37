CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer, CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES p (id));
