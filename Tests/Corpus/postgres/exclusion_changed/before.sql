CREATE TABLE circles (id integer PRIMARY KEY, c circle, kind text, CONSTRAINT circles_apart EXCLUDE USING gist (c WITH &&));
CREATE TABLE spans (id integer PRIMARY KEY, during int4range, CONSTRAINT spans_apart EXCLUDE USING gist (during WITH &&));
