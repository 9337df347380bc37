CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true, email text);
CREATE VIEW z_base AS SELECT id, name FROM customer WHERE active;
CREATE VIEW a_top AS SELECT name FROM z_base;
CREATE VIEW m_middle AS SELECT a_top.name, z_base.id FROM a_top JOIN z_base USING (name);
