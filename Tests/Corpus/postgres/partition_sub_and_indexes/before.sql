CREATE TABLE orders (order_id bigint NOT NULL, region text NOT NULL, ordered_on date NOT NULL, total numeric) PARTITION BY LIST (region);
CREATE INDEX orders_ordered_on ON orders (ordered_on);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'fr');
