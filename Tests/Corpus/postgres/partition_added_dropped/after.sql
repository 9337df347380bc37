CREATE TABLE payment (payment_id bigint NOT NULL, amount numeric(5,2), payment_date date NOT NULL) PARTITION BY RANGE (payment_date);
CREATE TABLE payment_p2022 PARTITION OF payment FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
CREATE TABLE payment_p2023 PARTITION OF payment FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE payment_old PARTITION OF payment FOR VALUES FROM (MINVALUE) TO ('2022-01-01');
