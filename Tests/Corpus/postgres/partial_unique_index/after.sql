CREATE TABLE t (id integer PRIMARY KEY, email text, active boolean);
CREATE UNIQUE INDEX t_active_email ON t (email) WHERE active;
