CREATE TABLE booking (id integer PRIMARY KEY, during tsrange, note text, EXCLUDE USING gist (during WITH &&));
