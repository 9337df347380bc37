CREATE TABLE t3 (id4 integer PRIMARY KEY, c8 real NOT NULL, c14 inet NOT NULL);
