CREATE TABLE orders (id serial PRIMARY KEY, note text);
CREATE TABLE lines (n bigserial PRIMARY KEY);
INSERT INTO orders (note) VALUES ('a'), ('b');
