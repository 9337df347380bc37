CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));
