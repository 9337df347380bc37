CREATE TABLE rental (rental_id bigint NOT NULL, rented_on date NOT NULL, note text, returned boolean DEFAULT false NOT NULL) PARTITION BY RANGE (rented_on);
CREATE TABLE rental_2022 PARTITION OF rental FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
CREATE TABLE rental_rest PARTITION OF rental DEFAULT;
CREATE INDEX rental_note ON rental (note);
