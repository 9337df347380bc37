CREATE TABLE booking (id integer PRIMARY KEY, during tsrange, EXCLUDE USING gist (during WITH &&));
