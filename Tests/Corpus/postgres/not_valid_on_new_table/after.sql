CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer, qty integer);
ALTER TABLE c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID;
ALTER TABLE c ADD CONSTRAINT c_qty CHECK (qty <> 0) NOT VALID;
