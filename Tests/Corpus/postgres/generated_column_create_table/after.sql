CREATE TABLE other (id integer PRIMARY KEY);
CREATE TABLE "Odd ""t""" (id integer PRIMARY KEY, "Weird col" text, "w len" integer GENERATED ALWAYS AS (length("Weird col")) STORED);
