CREATE TABLE measurement (city_id integer NOT NULL, logdate date NOT NULL, peaktemp integer) PARTITION BY RANGE (logdate);
CREATE TABLE measurement_y2022 PARTITION OF measurement FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
CREATE TABLE measurement_rest PARTITION OF measurement DEFAULT;
COMMENT ON TABLE measurement_y2022 IS 'the whole year';
CREATE INDEX measurement_y2022_city ON measurement_y2022 (city_id) WHERE peaktemp > 30;
