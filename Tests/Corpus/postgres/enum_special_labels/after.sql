CREATE TYPE "Weird Type" AS ENUM ('it''s', 'two words', 'a"b', 'ñandú', '');
CREATE TABLE t (id integer PRIMARY KEY, w "Weird Type" DEFAULT 'it''s');
