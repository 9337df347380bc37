CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE DOMAIN good_mood AS mood CHECK (VALUE <> 'sad');
CREATE DOMAIN ci_text AS text COLLATE "C";
CREATE TABLE t (id integer PRIMARY KEY, m good_mood, n ci_text);
