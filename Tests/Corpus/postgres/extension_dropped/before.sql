CREATE EXTENSION citext;
CREATE EXTENSION pg_trgm;
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email citext UNIQUE);
CREATE INDEX users_name_trgm ON users USING gin (name gin_trgm_ops);
