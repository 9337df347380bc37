CREATE TABLE measurement (city_id integer NOT NULL, logdate date NOT NULL, peaktemp integer) PARTITION BY RANGE (logdate);
CREATE TABLE measurement_y2022 PARTITION OF measurement FOR VALUES FROM ('2022-01-01') TO ('2022-07-01');
CREATE TABLE measurement_rest PARTITION OF measurement DEFAULT;
COMMENT ON TABLE measurement_y2022 IS 'first half';
INSERT INTO measurement VALUES (1, '2022-03-01', 20);
