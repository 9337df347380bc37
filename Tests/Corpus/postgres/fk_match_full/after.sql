CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));
CREATE TABLE c (id integer PRIMARY KEY, pa integer, pb integer, FOREIGN KEY (pa, pb) REFERENCES p (a, b) MATCH FULL);
