CREATE TABLE t (id integer PRIMARY KEY, label text DEFAULT 'a' || 'b' || 'c');
