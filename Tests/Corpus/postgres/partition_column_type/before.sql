CREATE TABLE rental (rental_id integer NOT NULL, rented_on date NOT NULL, note varchar(20)) PARTITION BY RANGE (rented_on);
CREATE TABLE rental_2022 PARTITION OF rental FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
CREATE TABLE rental_rest PARTITION OF rental DEFAULT;
CREATE INDEX rental_note ON rental (note);
INSERT INTO rental VALUES (1, '2022-05-01', 'x'), (2, '2024-01-01', 'y');
