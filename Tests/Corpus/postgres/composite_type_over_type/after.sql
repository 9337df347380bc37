CREATE TYPE point2 AS (x double precision, y double precision);
CREATE TYPE segment AS (a point2, b point2);
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TYPE sized AS (n positive, label text);
CREATE TABLE t (id integer PRIMARY KEY, s segment, z sized);
