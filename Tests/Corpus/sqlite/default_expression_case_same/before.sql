CREATE TABLE t (id INTEGER PRIMARY KEY, token TEXT DEFAULT (lower(hex(randomblob(8)))));
