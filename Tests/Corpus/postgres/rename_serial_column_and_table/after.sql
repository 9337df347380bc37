CREATE TABLE orders (order_id serial PRIMARY KEY, note text);
CREATE TABLE order_lines (n bigserial PRIMARY KEY);
