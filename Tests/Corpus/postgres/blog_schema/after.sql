CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL, bio text);
CREATE TABLE posts (id serial PRIMARY KEY, author_id integer NOT NULL REFERENCES authors (id), title varchar(200) NOT NULL, body text, published boolean NOT NULL DEFAULT false, search tsvector);
CREATE INDEX posts_search ON posts USING gin (search);
CREATE INDEX posts_title_trgm ON posts (title varchar_pattern_ops);
CREATE TABLE comments (id serial PRIMARY KEY, post_id integer NOT NULL REFERENCES posts (id) ON DELETE CASCADE, parent_id integer REFERENCES comments (id), body text NOT NULL);
