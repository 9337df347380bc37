CREATE TABLE t (id integer PRIMARY KEY, created_at timestamp DEFAULT CURRENT_TIMESTAMP);
