CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
CREATE INDEX ix_users_name ON users (name);
