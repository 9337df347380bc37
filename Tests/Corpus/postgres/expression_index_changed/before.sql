CREATE TABLE t (id integer PRIMARY KEY, email text);
CREATE INDEX t_email_x ON t (lower(email));
