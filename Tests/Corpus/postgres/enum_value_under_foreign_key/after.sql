CREATE TYPE mood1 AS ENUM ('a', 'b', 'late', 'c');
CREATE TABLE t2 (id3 text NOT NULL PRIMARY KEY, c6 varchar(255), c7 mood1, ref11 varchar(255), ref12 mood1,
  CONSTRAINT uq9 UNIQUE (c6, c7),
  CONSTRAINT fk13 FOREIGN KEY (ref11, ref12) REFERENCES t2 (c6, c7));
