CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT, code TEXT);
CREATE INDEX t_email ON t (email);
