CREATE TABLE t (id integer PRIMARY KEY, email text CONSTRAINT email_shape CHECK (email ~* '^[^@]+@[^@]+$'));
