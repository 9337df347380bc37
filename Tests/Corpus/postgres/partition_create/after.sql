CREATE TABLE customer (customer_id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE payment (
    payment_id bigint GENERATED ALWAYS AS IDENTITY,
    customer_id integer NOT NULL REFERENCES customer (customer_id),
    amount numeric(5,2) NOT NULL,
    payment_date timestamp with time zone NOT NULL,
    PRIMARY KEY (payment_date, payment_id)
) PARTITION BY RANGE (payment_date);
CREATE INDEX payment_customer_idx ON payment (customer_id);
CREATE TABLE payment_p2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00');
CREATE TABLE payment_p2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01') TO ('2022-03-01');
CREATE TABLE payment_default PARTITION OF payment DEFAULT;
COMMENT ON TABLE payment_default IS 'rows outside every month';
